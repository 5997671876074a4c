namespace PilotStatus.Sandbox;

public enum SandboxTenant
{
    /// <summary>Owns the seeded fleet; its key is <see cref="SandboxOptions.TenantApiKey"/>.</summary>
    Primary,

    /// <summary>A stranger with a few numbers; its key is <see cref="SandboxOptions.OtherTenantApiKey"/>.</summary>
    Other,
}

internal sealed record Tenant(SandboxTenant Kind, string Slug, string ApiKey, string ApiKeyId);
