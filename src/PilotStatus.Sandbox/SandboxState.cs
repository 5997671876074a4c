namespace PilotStatus.Sandbox;

/// <summary>
/// The sandbox's world: tenants, their numbers and each number's connection state machine.
/// Thread-safe; the HTTP endpoints and in-process callers (tests, the dashboard's "simulate scan") share it.
/// </summary>
public sealed class SandboxState : IAsyncDisposable, IDisposable
{
    private readonly int _seed;
    private readonly int _fleetSize;
    private readonly bool _initialRefuseTenantKey;
    private Fleet _fleet;
    private volatile bool _refuseTenantKey;

    public SandboxState(SandboxOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        Clock = clock ?? TimeProvider.System;
        Policy = ConnectPolicy.From(options);
        ListStateLag = options.ListStateLag;
        Webhooks = new WebhookStore(Clock, options.Seed);
        Dispatcher = new WebhookDispatcher(Webhooks, Clock, options);
        Events = new EventPublisher(Webhooks, Dispatcher);
        SentMessages = new SentMessages(options, Clock, Events);
        Numbers = new NumberFactory(Policy, ListStateLag, Events.NumberStateChanged);
        PrimaryTenant = new Tenant(SandboxTenant.Primary, "sandbox", options.TenantApiKey, "ck_sandbox_tenant");
        OtherTenant = new Tenant(SandboxTenant.Other, "sandbox-other", options.OtherTenantApiKey, "ck_sandbox_other_tenant");
        _seed = options.Seed;
        _fleetSize = options.FleetSize;
        _initialRefuseTenantKey = options.RefuseTenantKeyOnPerNumberEndpoints;
        _refuseTenantKey = _initialRefuseTenantKey;
        _fleet = SeedFleet();
    }

    public TimeProvider Clock { get; }

    public string TenantApiKey => PrimaryTenant.ApiKey;

    public string OtherTenantApiKey => OtherTenant.ApiKey;

    public TimeSpan ListStateLag { get; }

    /// <summary>The older documented behaviour: per-number endpoints answer 403 TENANT_SCOPE_NOT_ALLOWED to the tenant key even with the header.</summary>
    public bool RefuseTenantKeyOnPerNumberEndpoints
    {
        get => _refuseTenantKey;
        set => _refuseTenantKey = value;
    }

    /// <summary>Webhook deliveries queued, in flight or waiting to be retried; zero once every delivery has settled.</summary>
    public int PendingWebhookDeliveries => Dispatcher.Pending;

    internal ConnectPolicy Policy { get; }

    internal WebhookStore Webhooks { get; }

    internal WebhookDispatcher Dispatcher { get; }

    internal EventPublisher Events { get; }

    internal SentMessages SentMessages { get; }

    internal NumberFactory Numbers { get; }

    internal Tenant PrimaryTenant { get; }

    internal Tenant OtherTenant { get; }

    internal Fleet Fleet => Volatile.Read(ref _fleet);

    public IReadOnlyList<SandboxNumberInfo> GetNumbers(SandboxTenant tenant = SandboxTenant.Primary)
    {
        var now = Clock.GetUtcNow();
        return Fleet.All.Where(n => n.Tenant.Kind == tenant).Select(n => Describe(n, now)).ToList();
    }

    public SandboxNumberInfo? FindNumber(string numberId) =>
        Fleet.Find(numberId) is { } number ? Describe(number, Clock.GetUtcNow()) : null;

    public SandboxConnection? GetConnection(string numberId) => Fleet.Find(numberId)?.Connection(Clock.GetUtcNow());

    /// <summary>A phone scanning <paramref name="code"/> (the QR token or the pairing code, with or without its dash).</summary>
    public ScanResult Scan(string numberId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Fleet.Find(numberId) is { } number ? number.Scan(code, Clock.GetUtcNow()) : ScanResult.NumberNotFound;
    }

    /// <summary>A phone scanning whatever code is current right now: the dashboard's sandbox-only "simulate scan".</summary>
    public ScanResult ScanCurrentCode(string numberId)
    {
        var connection = GetConnection(numberId);
        if (connection is null)
        {
            return ScanResult.NumberNotFound;
        }

        return connection.CurrentCode is { } code ? Scan(numberId, code.QrToken) : Scan(numberId, string.Empty);
    }

    /// <summary>The session drops: the number goes to CLOSE. False when there is no such number.</summary>
    public bool Disconnect(string numberId)
    {
        if (Fleet.Find(numberId) is not { } number)
        {
            return false;
        }

        number.Disconnect(Clock.GetUtcNow());
        return true;
    }

    /// <summary>
    /// Back to the seeded fleet and the configured switches, with no webhooks, sent messages or pending deliveries.
    /// Faults and request counts have their own resets.
    /// </summary>
    public void Reset()
    {
        Dispatcher.Reset();
        SentMessages.Clear();
        Webhooks.Clear();
        Volatile.Write(ref _fleet, SeedFleet());
        _refuseTenantKey = _initialRefuseTenantKey;
    }

    /// <summary>Removes a number as <c>DELETE /v1/numbers/{id}</c> does, posting <c>number.removed</c> to its webhooks.</summary>
    internal bool RemoveNumber(SandboxNumber number)
    {
        if (!Fleet.Remove(number.Id))
        {
            return false;
        }

        Events.NumberRemoved(number, Clock.GetUtcNow());
        return true;
    }

    /// <summary>Stops webhook deliveries and message timers. The host disposes it with its services.</summary>
    public async ValueTask DisposeAsync()
    {
        SentMessages.Clear();
        await Dispatcher.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The number's generated history, anchored at the moment it is first asked for.</summary>
    internal NumberHistory HistoryOf(SandboxNumber number) => Fleet.Histories.Get(number, _seed, Clock.GetUtcNow());

    internal SandboxNumber? FindOwnedNumber(Tenant tenant, string numberId) =>
        Fleet.Find(numberId) is { } number && number.Tenant == tenant ? number : null;

    private Fleet SeedFleet() => FleetSeeder.Seed(_seed, _fleetSize, PrimaryTenant, OtherTenant, Numbers, Clock.GetUtcNow());

    private static SandboxNumberInfo Describe(SandboxNumber number, DateTimeOffset now)
    {
        var observed = number.Observe(now);
        var definition = number.Definition;
        return new SandboxNumberInfo(
            number.Id,
            number.Tenant.Kind,
            definition.Number,
            definition.Name,
            definition.Provider,
            observed.State,
            observed.ApiKey.Key,
            observed.ApiKey.KeyId,
            observed.ApiKey.Revealable,
            definition.PiiMode == PiiMode.RelayOnly);
    }
}

/// <param name="ApiKey">The number's working key, even when <c>GET /v1/api-keys</c> cannot reveal it (<paramref name="KeyRevealable"/> false).</param>
/// <param name="RelayOnly">The number's PII mode is RELAY_ONLY: history and conversations answer empty with a notice.</param>
public sealed record SandboxNumberInfo(
    string Id,
    SandboxTenant Tenant,
    string Number,
    string Name,
    NumberProvider Provider,
    ConnectionState State,
    string ApiKey,
    string ApiKeyId,
    bool KeyRevealable,
    bool RelayOnly);
