using System.Runtime;
using Dashboard.Core.Operators;

namespace Dashboard.Diagnostics;

public static class MemoryEndpoint
{
    public const string Setting = "Diagnostics:ExposeMemory";

    /// <summary>
    /// With <c>Diagnostics:ExposeMemory</c> on, a closed page's circuit is dropped at once instead of being kept for a
    /// possible reconnection, so a benchmark's rounds of open pages do not count the previous round's.
    /// </summary>
    public static IServiceCollection AddMemoryDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Setting))
        {
            services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(options => options.DisconnectedCircuitMaxRetained = 0);
        }

        return services;
    }

    /// <summary>
    /// <c>GET /diagnostics/memory</c>, only when <c>Diagnostics:ExposeMemory</c> is true (bench.sh sets it) and only for
    /// administrators: the live managed heap after a full, compacting collection, so a benchmark can tell what an open
    /// page really keeps in memory rather than what the collector has not yet reclaimed.
    /// </summary>
    public static void MapMemoryEndpointIfEnabled(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting))
        {
            return;
        }

        app.MapGet("/diagnostics/memory", () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Ok(new { heapBytes = GC.GetTotalMemory(forceFullCollection: false) });
        }).RequireAuthorization(policy => policy.RequireRole(OperatorRoles.Administrator));
    }
}
