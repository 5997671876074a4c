namespace PilotStatus.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sandbox's state, faults and request counter as singletons. The clock defaults to the host's
    /// <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IServiceCollection AddPilotStatusSandbox(this IServiceCollection services, SandboxOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.AddSingleton(sp => new SandboxState(options, clock ?? sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(_ => new FaultInjector(options.Faults));
        services.AddSingleton<RequestCounter>();
        return services;
    }
}
