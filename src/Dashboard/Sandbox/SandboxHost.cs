using Dashboard.Core.PilotStatus;
using Microsoft.Extensions.Options;
using PilotStatus.Sandbox;

namespace Dashboard.Sandbox;

/// <summary>
/// In sandbox mode, runs the simulated Pilot Status API on its own loopback port inside this process. The client
/// reaches it over real HTTP, so its handlers, resilience pipeline and JSON code run exactly as against the live API.
/// </summary>
public sealed class SandboxHost(
    IOptions<PilotStatusOptions> pilotStatus,
    IOptions<SandboxOptions> sandboxOptions,
    TimeProvider clock,
    ILoggerFactory loggerFactory,
    ILogger<SandboxHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RunningSandbox? _running;

    public bool Enabled => pilotStatus.Value.Mode == PilotStatusMode.Sandbox;

    public RunningSandbox Running => _running
        ?? throw new InvalidOperationException("The Pilot Status sandbox is not running; it starts with the app when PilotStatus:Mode is Sandbox.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled || _running is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_running is null)
            {
                _running = await SandboxServer.StartAsync(sandboxOptions.Value, clock, loggerFactory, cancellationToken);
                logger.LogInformation("Pilot Status sandbox listening on {Address} with {Count} numbers.",
                    _running.BaseAddress, _running.State.GetNumbers().Count);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_running is { } running)
        {
            _running = null;
            await running.DisposeAsync();
        }
    }
}

/// <summary>Sends the client to the sandbox in sandbox mode and to the configured service in live mode.</summary>
internal sealed class PilotStatusEndpointSelector(SandboxHost sandbox, ConfiguredPilotStatusEndpoint live) : IPilotStatusEndpoint
{
    public Uri BaseAddress => sandbox.Enabled ? sandbox.Running.BaseAddress : live.BaseAddress;

    public string TenantApiKey => sandbox.Enabled ? sandbox.Running.State.TenantApiKey : live.TenantApiKey;
}
