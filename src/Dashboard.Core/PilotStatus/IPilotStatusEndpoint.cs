using Microsoft.Extensions.Options;

namespace Dashboard.Core.PilotStatus;

/// <summary>Where the client sends requests and with which tenant key; read on every request so it can change at run time.</summary>
public interface IPilotStatusEndpoint
{
    Uri BaseAddress { get; }

    string TenantApiKey { get; }
}

/// <summary>The live service as configured in the <c>PilotStatus</c> section. The sandbox host registers its own endpoint instead.</summary>
public sealed class ConfiguredPilotStatusEndpoint(IOptionsMonitor<PilotStatusOptions> options) : IPilotStatusEndpoint
{
    public Uri BaseAddress => ApiRoot(options.CurrentValue.BaseUrl
        ?? throw new InvalidOperationException("PilotStatus:BaseUrl is not set. Set it to https://pilotstatus.com.br (or start the sandbox)."));

    public string TenantApiKey => options.CurrentValue.TenantApiKey ?? string.Empty;

    // The docs give the base URL both as https://pilotstatus.com.br and as .../v1, while every route already starts with /v1.
    // Accept either so a copied URL does not turn into /v1/v1/numbers.
    internal static Uri ApiRoot(Uri configured)
    {
        var path = configured.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^3];
        }

        return new UriBuilder(configured) { Path = path + "/" }.Uri;
    }
}
