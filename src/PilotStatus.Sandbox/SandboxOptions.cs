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

    /// <summary>How many times one event is posted to a webhook before it gives up (the first try included).</summary>
    public int WebhookMaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry of a failed delivery; it doubles for each later retry (2 s, 4 s, 8 s).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one delivery waits for the receiver's answer before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After a send, when the message turns SENT (and <c>message.sent</c> is posted).</summary>
    public TimeSpan MessageSentAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After a send, when the message turns DELIVERED.</summary>
    public TimeSpan MessageDeliveredAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>After a send, when the message turns READ.</summary>
    public TimeSpan MessageReadAfter { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Recipients (E.164, + optional) whose messages fail with <c>WHATSAPP_NOT_EXIST</c> at <see cref="MessageSentAfter"/>,
    /// for tests of the failure path. Default: +55 11 90000-xxxx. Empty: nothing fails.
    /// </summary>
    public string FailingRecipientPattern { get; set; } = @"^\+?551190000\d{4}$";

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
        Require(WebhookMaxAttempts is >= 1 and <= 10, nameof(WebhookMaxAttempts), "must be between 1 and 10");
        Require(WebhookRetryDelay >= TimeSpan.Zero, nameof(WebhookRetryDelay), "must not be negative");
        Require(WebhookTimeout > TimeSpan.Zero, nameof(WebhookTimeout), "must be positive");
        Require(
            MessageSentAfter >= TimeSpan.Zero && MessageDeliveredAfter >= MessageSentAfter && MessageReadAfter >= MessageDeliveredAfter,
            nameof(MessageReadAfter),
            "must not come before MessageDeliveredAfter, which must not come before MessageSentAfter (none negative)");
        Require(IsRegex(FailingRecipientPattern), nameof(FailingRecipientPattern), "must be a valid regular expression (or empty)");
        foreach (var fault in Faults)
        {
            fault.Validate();
        }
    }

    private static bool IsRegex(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return true;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
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
