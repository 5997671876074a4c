using System.Runtime;
using Dashboard.Core.Operators;

namespace Dashboard.Diagnostics;

public static class MemoryEndpoint
{
    public const string Setting = "Diagnostics:ExposeMemory";

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
