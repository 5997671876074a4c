using Dashboard.Core.PilotStatus;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PilotStatus.Sandbox;

namespace Dashboard.Sandbox;

public static class SandboxRegistration
{
    /// <summary>The sandbox host, and the endpoint that chooses between it and the live API by <c>PilotStatus:Mode</c>.</summary>
    public static IServiceCollection AddPilotStatusSandboxHost(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section);
        services.AddSingleton<SandboxHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxHost>());
        services.TryAddSingleton<ConfiguredPilotStatusEndpoint>();
        services.Replace(ServiceDescriptor.Singleton<IPilotStatusEndpoint, PilotStatusEndpointSelector>());
        return services;
    }

    /// <summary>
    /// Starts the sandbox before the app takes requests: the web server starts ahead of other hosted services,
    /// and the first page must not find the API missing.
    /// </summary>
    public static Task StartPilotStatusSandboxAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<SandboxHost>().StartAsync(cancellationToken);
}
