namespace PilotStatus.Sandbox;

/// <summary>A sandbox listening on loopback. Dispose it to stop the server.</summary>
public sealed class RunningSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningSandbox(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        State = app.Services.GetRequiredService<SandboxState>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
        Requests = app.Services.GetRequiredService<RequestCounter>();
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:51234/</c>; API paths start with <c>/v1</c>.</summary>
    public Uri BaseAddress { get; }

    public SandboxState State { get; }

    public FaultInjector Faults { get; }

    public RequestCounter Requests { get; }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
