using Dashboard.Core.Cluster;
using Dashboard.Core.PilotStatus.Api;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>
/// The one <c>GET /v1/numbers</c> snapshot every circuit reads: at most one upstream call per lifetime, however many
/// pages open at once, and dropped as soon as the dashboard itself creates, deletes or connects a number, on this
/// instance or on another (told through the cluster bus).
/// </summary>
internal sealed class NumberListCache
{
    private readonly SharedSnapshot<NumberList> _snapshot;
    private readonly IClusterBus? _cluster;
    private readonly SharedNumberList? _shared;

    /// <param name="shared">With several instances (Redis configured): the copy they share, so they do not each call Pilot Status.</param>
    public NumberListCache(
        TimeProvider clock, IOptions<PilotStatusClientOptions> options, IClusterBus? cluster = null, SharedNumberList? shared = null)
    {
        _snapshot = new SharedSnapshot<NumberList>(clock, options.Value.NumberListLifetime);
        (_cluster, _shared) = (cluster, shared);
        cluster?.Subscribe(ClusterTopic.NumberList, _ => _snapshot.Invalidate());
    }

    public DateTimeOffset? FetchedAt => _snapshot.FetchedAt;

    public Task<ApiResult<NumberList>> GetAsync(Func<CancellationToken, Task<ApiResult<NumberList>>> fetch, CancellationToken cancellationToken) =>
        _snapshot.GetAsync(_shared is null ? fetch : token => _shared.GetOrFetchAsync(fetch, token), cancellationToken);

    public void Invalidate()
    {
        _snapshot.Invalidate();
        _shared?.Invalidate();
        _cluster?.Publish(ClusterTopic.NumberList);
    }
}
