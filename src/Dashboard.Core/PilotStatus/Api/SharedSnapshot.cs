namespace Dashboard.Core.PilotStatus.Api;

/// <summary>
/// One shared copy of an expensive read, refreshed at most once per lifetime however many callers ask at once (single flight).
/// Failures are handed to the callers waiting at that moment but never kept.
/// </summary>
internal sealed class SharedSnapshot<T>(TimeProvider clock, TimeSpan lifetime) where T : class
{
    private readonly Lock _gate = new();
    private T? _value;
    private DateTimeOffset _fetchedAt;
    private Task<ApiResult<T>>? _inFlight;
    private long _generation;

    public DateTimeOffset? FetchedAt
    {
        get
        {
            lock (_gate)
            {
                return _value is null ? null : _fetchedAt;
            }
        }
    }

    public Task<ApiResult<T>> GetAsync(Func<CancellationToken, Task<ApiResult<T>>> fetch, CancellationToken cancellationToken)
    {
        Task<ApiResult<T>> shared;
        lock (_gate)
        {
            if (_value is not null && clock.GetUtcNow() - _fetchedAt < lifetime)
            {
                return Task.FromResult(ApiResult<T>.Success(_value));
            }

            shared = _inFlight ??= FetchAsync(fetch, _generation);
        }

        // One caller giving up (a closed page) must not cancel the fetch the others are waiting on.
        return shared.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the copy and any fetch under way, so the next reader sees what happened after this moment.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _value = null;
            _inFlight = null;
            _generation++;
        }
    }

    /// <summary>
    /// Drops the copy only while it is still <paramref name="stale"/>: every caller that found the same copy lacking
    /// then shares one new fetch instead of each cancelling the last one's.
    /// </summary>
    public void Invalidate(T stale)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_value, stale))
            {
                _value = null;
            }
        }
    }

    private async Task<ApiResult<T>> FetchAsync(Func<CancellationToken, Task<ApiResult<T>>> fetch, long generation)
    {
        await Task.Yield(); // Leave the caller's lock before any I/O starts.
        ApiResult<T>? result = null;
        try
        {
            result = await fetch(CancellationToken.None);
            return result;
        }
        finally
        {
            lock (_gate)
            {
                // A fetch that started before an invalidation may predate our own write: hand it to its waiters, never keep it.
                if (_generation == generation)
                {
                    _inFlight = null;
                    if (result is { Succeeded: true })
                    {
                        _value = result.Value;
                        _fetchedAt = clock.GetUtcNow();
                    }
                }
            }
        }
    }
}
