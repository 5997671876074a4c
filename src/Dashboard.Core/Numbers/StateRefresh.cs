using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Numbers;

public sealed record StateRefreshProgress(int Done, int Total, LiveStatus? Latest);

/// <param name="Statuses">The live states read, by number id.</param>
/// <param name="StoppedBy">Set when the refresh stopped early (rate limited, key rejected, API down); the rest were not asked.</param>
public sealed record StateRefreshResult(IReadOnlyDictionary<string, LiveStatus> Statuses, int Asked, ApiFailure? StoppedBy);

/// <summary>
/// The numbers list's state can lag (the API says so): this asks the live <c>/status</c> of the numbers on screen,
/// a few at a time, and stops politely as soon as the API says to slow down.
/// </summary>
public sealed class StateRefresh(IPilotStatusClient pilotStatus, NumberFleet fleet, NumberStateBook? states = null)
{
    public const int MaxConcurrency = 4;

    public async Task<StateRefreshResult> RefreshAsync(
        OperatorScope scope, IReadOnlyList<string> numberIds, IProgress<StateRefreshProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, LiveStatus>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ApiFailure? stoppedBy = null;
        var done = 0;

        // Only numbers the operator may see are asked; the rest are skipped as if they did not exist.
        var visible = await fleet.AllMatchingAsync(scope, new FleetQuery(), cancellationToken);
        if (!visible.Succeeded)
        {
            return new StateRefreshResult(statuses, 0, visible.Failure);
        }

        var visibleIds = visible.Value.Select(r => r.Number.Id).ToHashSet(StringComparer.Ordinal);
        var asked = numberIds.Where(visibleIds.Contains).ToList();

        try
        {
            await Parallel.ForEachAsync(asked, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = stop.Token }, async (id, ct) =>
        {
            var status = await pilotStatus.GetLiveStatusAsync(id, ct);
            if (status.Succeeded)
            {
                statuses[id] = status.Value;
                states?.Observe(id, status.Value.State, status.Value.Ready, StatusChangeSource.Poll, "live status", status.Value.CheckedAt);
                progress?.Report(new StateRefreshProgress(Interlocked.Increment(ref done), asked.Count, status.Value));
                return;
            }

            if (status.Failure.Kind is ApiFailureKind.RateLimited or ApiFailureKind.Unauthorized or ApiFailureKind.Unavailable)
            {
                Interlocked.CompareExchange(ref stoppedBy, status.Failure, null);
                await stop.CancelAsync();
            }
            else
            {
                progress?.Report(new StateRefreshProgress(Interlocked.Increment(ref done), asked.Count, null));
            }
        });
        }
        catch (OperationCanceledException) when (stoppedBy is not null && !cancellationToken.IsCancellationRequested)
        {
            // Stopped on purpose: the API asked us to slow down or is not answering.
        }

        return new StateRefreshResult(statuses, done, stoppedBy);
    }
}
