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

    public NumberListCache(TimeProvider clock, IOptions<PilotStatusClientOptions> options, IClusterBus? cluster = null)
    {
        _snapshot = new SharedSnapshot<NumberList>(clock, options.Value.NumberListLifetime);
        _cluster = cluster;
        cluster?.Subscribe(ClusterTopic.NumberList, _ => _snapshot.Invalidate());
    }

    public DateTimeOffset? FetchedAt => _snapshot.FetchedAt;

    public Task<ApiResult<NumberList>> GetAsync(Func<CancellationToken, Task<ApiResult<NumberList>>> fetch, CancellationToken cancellationToken) =>
        _snapshot.GetAsync(fetch, cancellationToken);

    public void Invalidate()
    {
        _snapshot.Invalidate();
        _cluster?.Publish(ClusterTopic.NumberList);
    }
}
