using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.PilotStatus;

public enum PilotStatusMode
{
    /// <summary>The bundled simulation of the API, served on loopback by this process.</summary>
    Sandbox,

    /// <summary>The real Pilot Status service.</summary>
    Live,
}

/// <summary>The <c>PilotStatus</c> section of appsettings.json. Outside Production, <see cref="Mode"/> defaults to Sandbox.</summary>
public sealed class PilotStatusOptions : IValidatableObject
{
    public const string Section = "PilotStatus";

    public PilotStatusMode Mode { get; set; } = PilotStatusMode.Sandbox;

    /// <summary>The API root, e.g. <c>https://pilotstatus.com.br</c>; paths start with <c>/v1</c>. Ignored in sandbox mode.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The tenant-scoped key (<c>ps_...</c>). Comes from the environment or user secrets, never from a committed file.</summary>
    public string? TenantApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode != PilotStatusMode.Live)
        {
            yield break;
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            yield return new ValidationResult(
                "PilotStatus:BaseUrl must be an absolute URL (e.g. https://pilotstatus.com.br) when PilotStatus:Mode is Live.",
                [nameof(BaseUrl)]);
        }

        else if (BaseUrl.Scheme != Uri.UriSchemeHttps && !BaseUrl.IsLoopback)
        {
            yield return new ValidationResult(
                "PilotStatus:BaseUrl must start with https:// when PilotStatus:Mode is Live: every request carries the tenant key, " +
                "which plain http would send in clear. Only a loopback address (localhost, 127.0.0.1) may use http.",
                [nameof(BaseUrl)]);
        }

        if (string.IsNullOrWhiteSpace(TenantApiKey))
        {
            yield return new ValidationResult(
                "PilotStatus:TenantApiKey is required when PilotStatus:Mode is Live. Set the environment variable PilotStatus__TenantApiKey " +
                "or run 'dotnet user-secrets set PilotStatus:TenantApiKey <key>' in src/Dashboard.",
                [nameof(TenantApiKey)]);
        }
        else if (!TenantApiKey.StartsWith("ps_", StringComparison.Ordinal))
        {
            // Never echo the value: a mistyped key is still most of a secret.
            yield return new ValidationResult(
                "PilotStatus:TenantApiKey does not look like a Pilot Status key (keys start with 'ps_'). Copy the tenant key from Profile → API.",
                [nameof(TenantApiKey)]);
        }
    }

    public override string ToString() =>
        $"Mode={Mode}, BaseUrl={BaseUrl}, TenantApiKey={(string.IsNullOrEmpty(TenantApiKey) ? "(none)" : "(set)")}";
}

/// <summary>
/// In Production the mode must be chosen: a deployment that forgot it would otherwise serve the simulated fleet as if
/// it were the real one.
/// </summary>
/// <param name="environment">Absent when Core is composed without a host (tools, tests): then nothing is Production.</param>
public sealed class PilotStatusModeChosen(IConfiguration configuration, IHostEnvironment? environment = null) : IValidateOptions<PilotStatusOptions>
{
    public ValidateOptionsResult Validate(string? name, PilotStatusOptions options) =>
        environment?.IsProduction() == true && string.IsNullOrWhiteSpace(configuration[$"{PilotStatusOptions.Section}:{nameof(PilotStatusOptions.Mode)}"])
            ? ValidateOptionsResult.Fail(
                "PilotStatus:Mode is not set. In Production choose it explicitly: Live for the real Pilot Status service " +
                "(with PilotStatus:BaseUrl and PilotStatus:TenantApiKey), or Sandbox for the built-in simulation. " +
                "Set it in appsettings.json or as the environment variable PilotStatus__Mode.")
            : ValidateOptionsResult.Success;
}
