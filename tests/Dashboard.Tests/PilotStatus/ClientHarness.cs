using Dashboard.Core.PilotStatus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.PilotStatus;

/// <summary>
/// The client exactly as the app registers it (<see cref="PilotStatusRegistration.AddPilotStatusClient"/>), with only the
/// socket swapped for <see cref="FakePilotStatusApi"/> and the delays shortened so the suite stays fast.
/// </summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public const string TenantKey = "ps_tenant_SECRET_4f1c9a7e2b";

    private readonly ServiceProvider _services;

    public ClientHarness(Action<PilotStatusClientOptions>? configure = null, TimeProvider? clock = null, Uri? baseAddress = null, bool fakeSocket = true)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddSingleton<IPilotStatusEndpoint>(new TestEndpoint(baseAddress ?? new Uri("https://pilotstatus.test/"), TenantKey));
        services.AddPilotStatusClient();
        services.Configure<PilotStatusClientOptions>(options =>
        {
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(options);
        });

        if (fakeSocket)
        {
            services.AddHttpClient(PilotStatusRegistration.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Api);
        }

        _services = services.BuildServiceProvider();
    }

    public FakePilotStatusApi Api { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IPilotStatusClient Client => _services.GetRequiredService<IPilotStatusClient>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed record TestEndpoint(Uri BaseAddress, string TenantApiKey) : IPilotStatusEndpoint;
}
