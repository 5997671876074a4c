using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace PilotStatus.Sandbox;

/// <summary>
/// Counts requests per endpoint pattern (<c>GET /v1/numbers/{id}/status</c>), including those answered by a fault or
/// refused by authentication, so tests and benchmarks can see how many calls a client really made.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);

    public long Total => _counts.Values.Sum(c => Interlocked.Read(ref c.Value));

    /// <summary>The count for one endpoint, keyed like <c>GET /v1/numbers/{id}</c>.</summary>
    public long Get(string endpoint) => _counts.TryGetValue(endpoint, out var count) ? Interlocked.Read(ref count.Value) : 0;

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value)), StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    internal void Record(string endpoint) => Interlocked.Increment(ref _counts.GetOrAdd(endpoint, static _ => new StrongBox<long>()).Value);
}
