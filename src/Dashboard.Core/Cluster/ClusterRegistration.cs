using Dashboard.Core.LiveUpdates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Cluster;

internal static class ClusterRegistration
{
    /// <summary>
    /// The cluster bus: Redis pub/sub when <c>Redis:ConnectionString</c> is set, else in process. Chosen when first
    /// resolved, so hosts and tests that add configuration late still get what they configured.
    /// </summary>
    public static IServiceCollection AddDashboardCluster(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<InProcessClusterHub>();
        services.TryAddSingleton<IConnectionMultiplexer>(sp => Connect(sp.GetRequiredService<IOptions<RedisOptions>>().Value));
        services.TryAddSingleton<IClusterBus>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.Enabled
            ? new RedisClusterBus(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<RedisOptions>>(),
                sp.GetRequiredService<ILogger<RedisClusterBus>>())
            : new InProcessClusterBus(sp.GetRequiredService<InProcessClusterHub>(), sp.GetRequiredService<ILogger<InProcessClusterBus>>()));
        services.TryAddSingleton<SharedNumberList>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<SharedNumberList>(sp)
            : null!); // Null: no Redis, each instance keeps its own copy.
        services.AddHostedService<ClusterListeners>();
        return services;
    }

    private static ConnectionMultiplexer Connect(RedisOptions options)
    {
        if (!options.Enabled)
        {
            throw new InvalidOperationException("Redis is not configured: set Redis:ConnectionString (e.g. 127.0.0.1:6379).");
        }

        var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
        configuration.AbortOnConnectFail = false; // Start without Redis; /health/ready says so until it is back.
        return ConnectionMultiplexer.Connect(configuration);
    }

    /// <summary>
    /// Makes every holder of shared state subscribe at start, not at its first use: a change told before anyone on this
    /// instance opened a page must not be missed.
    /// </summary>
    private sealed class ClusterListeners(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<NumberStateBook>();
            services.GetRequiredService<ReceiverToken>();
            services.GetRequiredService<Operators.TwoFactorRequirement>();
            services.GetRequiredService<Customers.CustomerDirectory>();
            services.GetRequiredService<Operators.OperatorChanges>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
