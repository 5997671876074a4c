using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace PilotStatus.Sandbox;

public static class SandboxServer
{
    /// <summary>
    /// Starts the sandbox on its own Kestrel server at <c>http://127.0.0.1:&lt;ephemeral port&gt;</c> and returns once it listens.
    /// It reads no configuration files or environment: everything comes from <paramref name="options"/>.
    /// </summary>
    public static async Task<RunningSandbox> StartAsync(
        SandboxOptions options,
        TimeProvider? clock = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.AddPilotStatusSandbox(options, clock ?? TimeProvider.System);

        var app = builder.Build();
        app.UseRouting();
        app.MapPilotStatusSandbox();
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningSandbox(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }
}
