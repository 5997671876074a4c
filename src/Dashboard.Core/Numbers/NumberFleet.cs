using Dashboard.Core.Customers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Numbers;

/// <summary>
/// The numbers list: the tenant's shared number snapshot joined with our customer assignments, cut to what the
/// operator may see, then searched, filtered, sorted and paged on the server. A circuit only ever holds one page.
/// </summary>
public sealed class NumberFleet(IPilotStatusClient pilotStatus, CustomerDirectory customers)
{
    public async Task<ApiResult<FleetPage>> QueryAsync(OperatorScope scope, FleetQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await VisibleRowsAsync(scope, cancellationToken);
        if (!rows.Succeeded)
        {
            return rows.Failure;
        }

        var (all, fetchedAt) = rows.Value;
        var beforeState = all.Where(r => MatchesSearch(r, query.Search) && MatchesProvider(r, query.Provider) && MatchesCustomer(r, query.Customer)).ToList();
        var counts = Count(beforeState);
        var matching = query.State is { } state ? beforeState.Where(r => Classify(r.Number.State) == state).ToList() : beforeState;

        var pageSize = FleetQuery.PageSizes.Contains(query.PageSize) ? query.PageSize : FleetQuery.DefaultPageSize;
        var pageCount = Math.Max(1, (matching.Count + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var ordered = Sort(matching, query.Sort, query.Descending);
        return ApiResult.Success(new FleetPage(ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count, page, pageSize, counts, fetchedAt));
    }

    /// <summary>Every number the query matches, in order, unpaged: what a CSV export of the current view holds.</summary>
    public async Task<ApiResult<IReadOnlyList<FleetRow>>> AllMatchingAsync(OperatorScope scope, FleetQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await VisibleRowsAsync(scope, cancellationToken);
        if (!rows.Succeeded)
        {
            return rows.Failure;
        }

        var matching = rows.Value.Rows.Where(r =>
            MatchesSearch(r, query.Search) && MatchesProvider(r, query.Provider) && MatchesCustomer(r, query.Customer)
            && (query.State is null || Classify(r.Number.State) == query.State));
        return ApiResult<IReadOnlyList<FleetRow>>.Success(Sort(matching, query.Sort, query.Descending).ToList());
    }

    /// <summary>One number by id, only if the operator may see it; otherwise "not found", exactly as for a number that does not exist.</summary>
    public async Task<ApiResult<FleetRow>> FindAsync(OperatorScope scope, string numberId, CancellationToken cancellationToken = default)
    {
        var rows = await VisibleRowsAsync(scope, cancellationToken);
        if (!rows.Succeeded)
        {
            return rows.Failure;
        }

        var row = rows.Value.Rows.FirstOrDefault(r => r.Number.Id == numberId);
        return row is null ? NotFound : ApiResult<FleetRow>.Success(row);
    }

    public static readonly ApiFailure NotFound = new(ApiFailureKind.NotFound,
        "This number does not exist, was removed from Pilot Status, or is not one of your customers'. Go back to the numbers list.");

    public static StateFilter Classify(NumberState state) =>
        state.IsOpen ? StateFilter.Connected
        : state.IsConnecting ? StateFilter.Connecting
        : state.IsClosed ? StateFilter.Disconnected
        : StateFilter.Other;

    private async Task<ApiResult<(IReadOnlyList<FleetRow> Rows, DateTimeOffset FetchedAt)>> VisibleRowsAsync(OperatorScope scope, CancellationToken cancellationToken)
    {
        var list = await pilotStatus.ListNumbersAsync(cancellationToken);
        if (!list.Succeeded)
        {
            return list.Failure;
        }

        var assignments = await customers.GetAsync(cancellationToken);
        var rows = new List<FleetRow>(list.Value.Numbers.Count);
        foreach (var number in list.Value.Numbers)
        {
            var customerId = assignments.CustomerOf(number.Id);
            if (scope.CanSee(customerId))
            {
                rows.Add(new FleetRow(number, customerId, assignments.NameOf(customerId)));
            }
        }

        return ApiResult.Success<(IReadOnlyList<FleetRow>, DateTimeOffset)>((rows, list.Value.FetchedAt));
    }

    private static StateCounts Count(IEnumerable<FleetRow> rows)
    {
        int connected = 0, connecting = 0, disconnected = 0, other = 0;
        foreach (var row in rows)
        {
            switch (Classify(row.Number.State))
            {
                case StateFilter.Connected: connected++; break;
                case StateFilter.Connecting: connecting++; break;
                case StateFilter.Disconnected: disconnected++; break;
                default: other++; break;
            }
        }

        return new StateCounts(connected, connecting, disconnected, other);
    }

    private static bool MatchesProvider(FleetRow row, string? provider) =>
        string.IsNullOrEmpty(provider) || string.Equals(row.Number.Provider.Value, provider, StringComparison.OrdinalIgnoreCase);

    private static bool MatchesCustomer(FleetRow row, CustomerFilter filter) =>
        filter.IsAny || (filter.Unassigned ? row.CustomerId is null : row.CustomerId == filter.CustomerId);

    /// <summary>Name, customer and id by text; the phone by its digits, however the person typed it (+55, spaces, dashes, brackets).</summary>
    internal static bool MatchesSearch(FleetRow row, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }

        var text = search.Trim();
        if (Contains(row.Number.Name, text) || Contains(row.Number.Id, text) || Contains(row.CustomerName, text) || Contains(row.Number.InstanceName, text))
        {
            return true;
        }

        var digits = PhoneDigits(text);
        return digits.Length >= 4 && row.Number.Phone is { } phone && PhoneDigits(phone).Contains(digits, StringComparison.Ordinal);
    }

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static string PhoneDigits(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());

        // "0 11 9…" is how a Brazilian dials long distance without a carrier code; the leading 0 is not in the E.164 number.
        return digits.StartsWith('0') ? digits.TrimStart('0') : digits;
    }

    private static IEnumerable<FleetRow> Sort(IEnumerable<FleetRow> rows, FleetSort sort, bool descending)
    {
        IOrderedEnumerable<FleetRow> ordered = sort switch
        {
            FleetSort.Phone => Order(rows, r => r.Number.Phone, descending),
            FleetSort.Customer => Order(rows, r => r.CustomerName, descending),
            FleetSort.State => Order(rows, r => (int)Classify(r.Number.State), descending),
            FleetSort.Provider => Order(rows, r => r.Number.Provider.Value, descending),
            FleetSort.Updated => Order(rows, r => r.Number.UpdatedAt, descending),
            FleetSort.Id => Order(rows, r => r.Number.Id, descending),
            _ => Order(rows, r => r.Number.Name, descending),
        };

        // A stable tie-break, so paging never shows a row twice or skips one.
        return ordered.ThenBy(r => r.Number.Id, StringComparer.Ordinal);
    }

    private static IOrderedEnumerable<FleetRow> Order<TKey>(IEnumerable<FleetRow> rows, Func<FleetRow, TKey> key, bool descending) =>
        descending ? rows.OrderByDescending(key, Comparer<TKey>.Default) : rows.OrderBy(key, Comparer<TKey>.Default);
}
