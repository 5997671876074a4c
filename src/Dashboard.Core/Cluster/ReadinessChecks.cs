using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Cluster;

public static class HealthTags
{
    public const string Ready = "ready";
}

/// <summary>Redis answers, when one is configured; without one the instance runs alone and needs none.</summary>
internal sealed class RedisHealthCheck(IOptions<RedisOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Not configured: live events and caches stay in this process.");
        }

        try
        {
            var latency = await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer: other instances do not hear this one's live events.", e);
        }
    }
}

/// <summary>
/// Not ready once the instance is stopping, so the balancer sends new sign-ins and circuits elsewhere while open
/// ones finish (<see cref="ShutdownOptions.DrainDelay"/>).
/// </summary>
internal sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("This instance is stopping.")
            : HealthCheckResult.Healthy("Taking new work."));
}

/// <summary>The <c>Shutdown</c> section.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long a stopping instance keeps serving while <c>/health/ready</c> already says 503, so the balancer's next
    /// check moves new visitors away before connections are refused. 0 outside a balanced deployment.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:05:00",
        ErrorMessage = "Shutdown:DrainDelay must be between 00:00:00 and 00:05:00, e.g. 00:00:05.")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>Holds the stop for <see cref="ShutdownOptions.DrainDelay"/> before anything else stops.</summary>
internal sealed class ShutdownDrain(IOptions<ShutdownOptions> options, TimeProvider clock) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) =>
        options.Value.DrainDelay > TimeSpan.Zero
            ? Task.Delay(options.Value.DrainDelay, clock, cancellationToken)
            : Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
