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
/// Reads the assignment table once and keeps it until our own writes change it (or, for other instances'
/// writes, until it is <see cref="Lifetime"/> old). The numbers list filters thousands of rows per keystroke; it
/// must not query the database each time.
/// </summary>
public sealed class CustomerDirectory(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (AssignmentSnapshot Snapshot, DateTimeOffset LoadedAt)? _current;

    public async Task<AssignmentSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(_current) is { } hit)
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is { } loaded)
            {
                return loaded;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var assignments = await db.NumberAssignments.AsNoTracking().ToDictionaryAsync(a => a.NumberId, a => a.CustomerId, cancellationToken);
            var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            // Unchanged tables keep the same snapshot object: the numbers list joins and sorts once per snapshot
            // (FleetIndex), and a new object every Lifetime would redo that for 10,000 numbers for nothing.
            var snapshot = _current is { } previous && previous.Snapshot.Holds(assignments, names)
                ? previous.Snapshot
                : new AssignmentSnapshot(assignments, names);
            _current = (snapshot, clock.GetUtcNow());
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Called after every change to customers or assignments: the next read goes to the database.</summary>
    public void Invalidate()
    {
        if (_current is { } current)
        {
            _current = (current.Snapshot, DateTimeOffset.MinValue);
        }
    }

    private AssignmentSnapshot? Fresh((AssignmentSnapshot Snapshot, DateTimeOffset LoadedAt)? entry) =>
        entry is { } e && clock.GetUtcNow() - e.LoadedAt < Lifetime ? e.Snapshot : null;
}
