using Dashboard.Core.Cluster;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Customers;

/// <summary>Who owns which number, as one in-memory snapshot shared by every circuit.</summary>
public sealed record AssignmentSnapshot(
    IReadOnlyDictionary<string, int> CustomerByNumber,
    IReadOnlyDictionary<int, string> CustomerNames)
{
    public int? CustomerOf(string numberId) => CustomerByNumber.TryGetValue(numberId, out var id) ? id : null;

    public string? NameOf(int? customerId) => customerId is { } id && CustomerNames.TryGetValue(id, out var name) ? name : null;

    /// <summary>Whether this snapshot says exactly what these freshly read tables say.</summary>
    public bool Holds(IReadOnlyDictionary<string, int> customerByNumber, IReadOnlyDictionary<int, string> customerNames) =>
        SameEntries(CustomerByNumber, customerByNumber) && SameEntries(CustomerNames, customerNames);

    private static bool SameEntries<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> mine, IReadOnlyDictionary<TKey, TValue> read) =>
        mine.Count == read.Count
        && read.All(entry => mine.TryGetValue(entry.Key, out var value) && EqualityComparer<TValue>.Default.Equals(value, entry.Value));
}

/// <summary>
/// Reads the assignment table once and keeps it until a write changes it, on this instance or (told through the
/// <see cref="IClusterBus"/>) on another. The numbers list filters thousands of rows per keystroke; it must not query
/// the database each time.
/// </summary>
public sealed class CustomerDirectory
{
    private readonly IDbContextFactory<DashboardDbContext> _contexts;
    private readonly IClusterBus? _cluster;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _swap = new();
    private Entry? _current;
    private long _generation;

    public CustomerDirectory(IDbContextFactory<DashboardDbContext> contexts, IClusterBus? cluster = null)
    {
        (_contexts, _cluster) = (contexts, cluster);
        cluster?.Subscribe(ClusterTopic.Customers, _ => Drop());
    }

    public async Task<AssignmentSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } hit)
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (current, generation) = Read();
            if (Fresh(current) is { } loaded)
            {
                return loaded;
            }

            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var assignments = await db.NumberAssignments.AsNoTracking().ToDictionaryAsync(a => a.NumberId, a => a.CustomerId, cancellationToken);
            var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            // Unchanged tables keep the same snapshot object: the numbers list joins and sorts once per snapshot
            // (FleetIndex), and a new object on every reread would redo that for 10,000 numbers for nothing.
            var snapshot = current is not null && current.Snapshot.Holds(assignments, names)
                ? current.Snapshot
                : new AssignmentSnapshot(assignments, names);
            lock (_swap)
            {
                // A change told while we read may be missing from what we read: hand it to this caller,
                // but keep it only as stale, so the next reader goes to the database again.
                _current = new Entry(snapshot, _generation == generation);
            }

            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Called after every change to customers or assignments: the next read on every instance goes to the database.</summary>
    public void Invalidate()
    {
        Drop();
        _cluster?.Publish(ClusterTopic.Customers);
    }

    private void Drop()
    {
        lock (_swap)
        {
            _generation++;
            if (_current is { } current)
            {
                _current = current with { Fresh = false };
            }
        }
    }

    private (Entry? Current, long Generation) Read()
    {
        lock (_swap)
        {
            return (_current, _generation);
        }
    }

    private static AssignmentSnapshot? Fresh(Entry? entry) => entry is { Fresh: true } e ? e.Snapshot : null;

    private sealed record Entry(AssignmentSnapshot Snapshot, bool Fresh);
}
