using System.Collections.Concurrent;

namespace Dashboard.Core.Numbers;

/// <summary>
/// Runs an action at most once per request id: a double click, a second press of the same dialog's submit button or a
/// resent circuit event gets the first call's result, waiting for it while it runs, instead of acting twice.
/// In memory and per process, for <see cref="Lifetime"/>: enough for a dialog, which makes a new id each time it opens.
/// </summary>
public sealed class DuplicateSubmitGuard(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <param name="keep">
    /// Whether later calls should get this result too; when false the entry is dropped once the callers waiting on it have
    /// it, so the next call runs again (for outcomes that certainly changed nothing).
    /// </param>
    public async Task<T> RunOnceAsync<T>(Guid requestId, Func<Task<T>> action, Func<T, bool> keep)
    {
        ForgetExpired();

        // GetOrAdd may build two entries in a race but stores one; only the stored entry's Lazy ever runs the action.
        var entry = _entries.GetOrAdd(requestId, _ => new Entry(clock.GetUtcNow(), async () => (object?)await action()));
        T result;
        try
        {
            result = (T)(await entry.Result.Value)!;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(requestId, entry));
            throw;
        }

        if (!keep(result))
        {
            _entries.TryRemove(KeyValuePair.Create(requestId, entry));
        }

        return result;
    }

    private void ForgetExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in _entries)
        {
            if (now - entry.StartedAt > Lifetime && entry.Result.IsValueCreated && entry.Result.Value.IsCompleted)
            {
                _entries.TryRemove(KeyValuePair.Create(id, entry));
            }
        }
    }

    private sealed class Entry(DateTimeOffset startedAt, Func<Task<object?>> run)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;

        public Lazy<Task<object?>> Result { get; } = new(run);
    }
}
