using Dashboard.Core.PilotStatus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PilotStatus.Sandbox;
using SandboxProvider = PilotStatus.Sandbox.NumberProvider;

namespace Dashboard.Tests.Contract;

/// <summary>
/// A Pilot Status sandbox on its own loopback port, driven by a fake clock, and the real client built exactly as the app
/// builds it (<see cref="PilotStatusRegistration.AddPilotStatusClient"/>), pointed at the sandbox over real HTTP.
/// The client keeps the system clock: its retry delays and timeouts measure real time, as they do in production.
/// </summary>
internal sealed class ContractFixture : IAsyncDisposable
{
    /// <summary>01:30 UTC is still the previous day in São Paulo, so a time zone that is not passed through shows.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 30, 1, 30, 0, TimeSpan.Zero);

    // Fast but otherwise the shipped figures: a test that needs other ones says so.
    private static readonly Dictionary<string, string?> ClientDefaults = new()
    {
        ["RetryBaseDelay"] = "00:00:00.010",
    };

    private readonly ServiceProvider _services;
    private readonly ILoggerFactory _sandboxLogging;

    private ContractFixture(RunningSandbox sandbox, FakeTimeProvider clock, LogCapture logs, ILoggerFactory sandboxLogging, ServiceProvider services, string clientKey)
    {
        Sandbox = sandbox;
        SandboxClock = clock;
        Logs = logs;
        _sandboxLogging = sandboxLogging;
        _services = services;
        ClientKey = clientKey;
    }

    public RunningSandbox Sandbox { get; }

    public FakeTimeProvider SandboxClock { get; }

    /// <summary>Every log line of the client's host and of the sandbox (the dashboard hands the sandbox its own logging).</summary>
    public LogCapture Logs { get; }

    /// <summary>The key the client sends: the sandbox's tenant key unless a test chose another.</summary>
    public string ClientKey { get; }

    public SandboxState State => Sandbox.State;

    public FaultInjector Faults => Sandbox.Faults;

    public RequestCounter Requests => Sandbox.Requests;

    /// <summary>A client as a page gets one: transient, over the shared caches and resilience pipeline.</summary>
    public IPilotStatusClient Client => _services.GetRequiredService<IPilotStatusClient>();

    /// <param name="client">Overrides of the <c>PilotStatus:Client</c> section, by key (e.g. <c>AttemptTimeout</c>).</param>
    /// <param name="sandbox">Changes to the sandbox's options.</param>
    /// <param name="tenantKey">The key the client sends instead of the sandbox's tenant key.</param>
    public static async Task<ContractFixture> StartAsync(
        Dictionary<string, string?>? client = null,
        Action<SandboxOptions>? sandbox = null,
        string? tenantKey = null)
    {
        var logs = new LogCapture();
        var sandboxLogging = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var clock = new FakeTimeProvider(Start);
        var options = new SandboxOptions();
        sandbox?.Invoke(options);
        var running = await SandboxServer.StartAsync(options, clock, sandboxLogging);

        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in ClientDefaults.Concat(client ?? []))
        {
            settings[$"{PilotStatusClientOptions.Section}:{key}"] = value;
        }

        var clientKey = tenantKey ?? running.State.TenantApiKey;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IPilotStatusEndpoint>(new SandboxEndpoint(running.BaseAddress, clientKey));
        services.AddPilotStatusClient();

        return new ContractFixture(running, clock, logs, sandboxLogging, services.BuildServiceProvider(), clientKey);
    }

    /// <summary>Every key in play: the client's, both tenants' and every number's. None may ever reach a log line.</summary>
    public IReadOnlyList<string> Secrets() =>
    [
        ClientKey,
        State.TenantApiKey,
        State.OtherTenantApiKey,
        .. State.GetNumbers().Select(n => n.ApiKey),
        .. State.GetNumbers(SandboxTenant.Other).Select(n => n.ApiKey),
    ];

    public SandboxNumberInfo OpenQrNumber() =>
        Seeded(n => n.Provider == SandboxProvider.PilotStatus && n.State == ConnectionState.Open && !n.RelayOnly && n.KeyRevealable);

    public SandboxNumberInfo ClosedQrNumber() => Seeded(n => n.Provider == SandboxProvider.PilotStatus && n.State == ConnectionState.Close);

    public SandboxNumberInfo HealthyMetaNumber() => Seeded(n => n.Provider == SandboxProvider.Meta && n.State == ConnectionState.Open);

    public SandboxNumberInfo RelayOnlyNumber() => Seeded(n => n.RelayOnly);

    /// <summary>A number whose key predates revealable keys: <c>GET /v1/api-keys</c> lists it with <c>key: null</c>.</summary>
    public SandboxNumberInfo LegacyKeyNumber() => Seeded(n => !n.KeyRevealable);

    public SandboxNumberInfo OtherTenantNumber() => State.GetNumbers(SandboxTenant.Other).First();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
        _sandboxLogging.Dispose();
    }

    private SandboxNumberInfo Seeded(Func<SandboxNumberInfo, bool> predicate) => State.GetNumbers().First(predicate);

    private sealed record SandboxEndpoint(Uri BaseAddress, string TenantApiKey) : IPilotStatusEndpoint;
}

/// <summary>
/// Base of the contract tests: starts fixtures on demand and, after every test, checks that no key of any kind reached
/// any log line of the client or the sandbox during it.
/// </summary>
public abstract class ContractTestBase : IAsyncLifetime
{
    private readonly List<ContractFixture> _started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var leaks = new List<string>();
        foreach (var fixture in _started)
        {
            var secrets = fixture.Secrets();
            await fixture.DisposeAsync();
            leaks.AddRange(fixture.Logs.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal))));
        }

        Assert.True(leaks.Count == 0, "A key reached the logs:\n" + string.Join("\n", leaks));
    }

    private protected async Task<ContractFixture> StartAsync(
        Dictionary<string, string?>? client = null,
        Action<SandboxOptions>? sandbox = null,
        string? tenantKey = null)
    {
        var fixture = await ContractFixture.StartAsync(client, sandbox, tenantKey);
        _started.Add(fixture);
        return fixture;
    }
}
