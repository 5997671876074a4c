using System.Collections.Concurrent;
using Dashboard.Core.Customers;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Numbers;

/// <summary>
/// The shared number list joined with the customer assignments and sorted, once per snapshot and sort order, for
/// every circuit. A keystroke in the search box then costs one pass over pre-sorted rows instead of a join and a sort.
/// </summary>
/// <remarks>A state seen live since the list was fetched (a webhook event, a live status) replaces the listed one, so
/// every page, its counts and its state filter agree with what the dashboard knows (<see cref="NumberStateBook"/>).</remarks>
public sealed class FleetIndex(NumberStateBook? states = null)
{
    private readonly Lock _lock = new();
    private Joined? _current;

    internal IReadOnlyList<IndexedRow> Sorted(NumberList list, AssignmentSnapshot assignments, FleetSort sort, bool descending)
    {
        states?.ObserveList(list);
        var version = states?.Version ?? 0;
        Joined current;
        lock (_lock)
        {
            if (_current is null || !ReferenceEquals(_current.List, list) || !ReferenceEquals(_current.Assignments, assignments) || _current.Version != version)
            {
                _current = new Joined(list, assignments, version, Join(list, assignments));
            }

            current = _current;
        }

        return current.Orders.GetOrAdd((sort, descending), key => Sort(current.Rows, key.Sort, key.Descending));
    }

    private IndexedRow[] Join(NumberList list, AssignmentSnapshot assignments) =>
        list.Numbers.Select(listed =>
        {
            var number = states?.Overriding(listed) is { } known ? listed with { State = known.State, Ready = known.Ready } : listed;
            var customerId = assignments.CustomerOf(number.Id);
            return new IndexedRow(new FleetRow(number, customerId, assignments.NameOf(customerId)), NumberFleet.PhoneDigits(number.Phone ?? ""));
        }).ToArray();

    private static IndexedRow[] Sort(IndexedRow[] rows, FleetSort sort, bool descending)
    {
        IOrderedEnumerable<IndexedRow> ordered = sort switch
        {
            FleetSort.Phone => Order(rows, r => r.Row.Number.Phone, descending),
            FleetSort.Customer => Order(rows, r => r.Row.CustomerName, descending),
            FleetSort.State => Order(rows, r => (int)NumberFleet.Classify(r.Row.Number.State), descending),
            FleetSort.Provider => Order(rows, r => r.Row.Number.Provider.Value, descending),
            FleetSort.Updated => Order(rows, r => r.Row.Number.UpdatedAt, descending),
            FleetSort.Id => Order(rows, r => r.Row.Number.Id, descending),
            _ => Order(rows, r => r.Row.Number.Name, descending),
        };

        // A stable tie-break, so paging never shows a row twice or skips one.
        return ordered.ThenBy(r => r.Row.Number.Id, StringComparer.Ordinal).ToArray();
    }

    private static IOrderedEnumerable<IndexedRow> Order<TKey>(IEnumerable<IndexedRow> rows, Func<IndexedRow, TKey> key, bool descending) =>
        descending ? rows.OrderByDescending(key, Comparer<TKey>.Default) : rows.OrderBy(key, Comparer<TKey>.Default);

    private sealed record Joined(NumberList List, AssignmentSnapshot Assignments, long Version, IndexedRow[] Rows)
    {
        public ConcurrentDictionary<(FleetSort Sort, bool Descending), IndexedRow[]> Orders { get; } = new();
    }
}

/// <param name="PhoneDigits">The phone's digits, worked out once for searching.</param>
internal sealed record IndexedRow(FleetRow Row, string PhoneDigits);
