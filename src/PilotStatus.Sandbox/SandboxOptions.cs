namespace PilotStatus.Sandbox;

/// <summary>The <c>PilotStatus:Sandbox</c> configuration section: how the simulated API is seeded and how it behaves.</summary>
public sealed class SandboxOptions
{
    public const string Section = "PilotStatus:Sandbox";

    /// <summary>The key of the tenant that owns the seeded fleet.</summary>
    public string TenantApiKey { get; set; } = "ps_sandbox_tenant_key";

    /// <summary>A second tenant with a few numbers of its own; the first tenant gets 404 for them and vice versa.</summary>
    public string OtherTenantApiKey { get; set; } = "ps_sandbox_other_tenant";

    /// <summary>How many numbers the first tenant starts with.</summary>
    public int FleetSize { get; set; } = 40;

    /// <summary>Drives every generated id, key, number and message, so two sandboxes with the same seed agree.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How long the first code of a connection attempt stays scannable.</summary>
    public TimeSpan FirstCodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long every later code of the same attempt stays scannable.</summary>
    public TimeSpan NextCodeLifetime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many codes one connection attempt may issue before it fails and the number falls back to CLOSE.</summary>
    public int MaxCodesPerAttempt { get; set; } = 6;

    /// <summary>How far behind the live state the <c>GET /v1/numbers</c> list reports <c>state</c> and <c>isFullyConnected</c>.</summary>
    public TimeSpan ListStateLag { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Older documentation: per-number endpoints refuse the tenant key even with <c>x-whatsapp-number-id</c>.</summary>
    public bool RefuseTenantKeyOnPerNumberEndpoints { get; set; }

    /// <summary>Faults active from the start; they can be changed at run time through <see cref="FaultInjector"/>.</summary>
    public List<FaultRule> Faults { get; set; } = [];

    internal void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(TenantApiKey), nameof(TenantApiKey), "must not be empty");
        Require(!string.IsNullOrWhiteSpace(OtherTenantApiKey), nameof(OtherTenantApiKey), "must not be empty");
        Require(!string.Equals(TenantApiKey, OtherTenantApiKey, StringComparison.Ordinal), nameof(OtherTenantApiKey), "must differ from TenantApiKey");
        Require(FleetSize is >= 1 and <= 100_000, nameof(FleetSize), "must be between 1 and 100000");
        Require(FirstCodeLifetime > TimeSpan.Zero, nameof(FirstCodeLifetime), "must be positive");
        Require(NextCodeLifetime > TimeSpan.Zero, nameof(NextCodeLifetime), "must be positive");
        Require(MaxCodesPerAttempt >= 1, nameof(MaxCodesPerAttempt), "must be at least 1");
        Require(ListStateLag >= TimeSpan.Zero, nameof(ListStateLag), "must not be negative");
        foreach (var fault in Faults)
        {
            fault.Validate();
        }
    }

    private static void Require(bool condition, string key, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{Section}:{key} {problem}.");
        }
    }
}
