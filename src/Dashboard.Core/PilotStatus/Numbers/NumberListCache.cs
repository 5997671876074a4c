using Dashboard.Core.PilotStatus.Api;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>
/// The one <c>GET /v1/numbers</c> snapshot every circuit reads: at most one upstream call per lifetime, however many
/// pages open at once, and dropped as soon as the dashboard itself creates, deletes or connects a number.
/// </summary>
internal sealed class NumberListCache(TimeProvider clock, IOptions<PilotStatusClientOptions> options)
{
    private readonly SharedSnapshot<NumberList> _snapshot = new(clock, options.Value.NumberListLifetime);

    public DateTimeOffset? FetchedAt => _snapshot.FetchedAt;

    public Task<ApiResult<NumberList>> GetAsync(Func<CancellationToken, Task<ApiResult<NumberList>>> fetch, CancellationToken cancellationToken) =>
        _snapshot.GetAsync(fetch, cancellationToken);

    public void Invalidate() => _snapshot.Invalidate();
}
