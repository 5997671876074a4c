using Dashboard.Core.Customers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Numbers;

/// <summary>
/// The numbers list: the tenant's shared number snapshot joined with our customer assignments, cut to what the
/// operator may see, then searched, filtered, sorted and paged on the server. A circuit only ever holds one page.
/// </summary>
public sealed class NumberFleet(IPilotStatusClient pilotStatus, CustomerDirectory customers, FleetIndex index)
{
    public async Task<ApiResult<FleetPage>> QueryAsync(OperatorScope scope, FleetQuery query, CancellationToken cancellationToken = default)
    {
        var sorted = await SortedAsync(query, cancellationToken);
        if (!sorted.Succeeded)
        {
            return sorted.Failure;
        }

        var (rows, fetchedAt) = sorted.Value;
        var search = Search.From(query.Search);
        int connected = 0, connecting = 0, disconnected = 0, other = 0;
        var matching = new List<FleetRow>();
        foreach (var indexed in rows)
        {
            var row = indexed.Row;
            if (!scope.CanSee(row.CustomerId) || !search.Matches(indexed) || !MatchesProvider(row, query.Provider) || !MatchesCustomer(row, query.Customer))
            {
                continue;
            }

            var state = Classify(row.Number.State);
            switch (state)
            {
                case StateFilter.Connected: connected++; break;
                case StateFilter.Connecting: connecting++; break;
                case StateFilter.Disconnected: disconnected++; break;
                default: other++; break;
            }

            if (query.State is null || query.State == state)
            {
                matching.Add(row);
            }
        }

        var pageSize = FleetQuery.PageSizes.Contains(query.PageSize) ? query.PageSize : FleetQuery.DefaultPageSize;
        var pageCount = Math.Max(1, (matching.Count + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        return ApiResult.Success(new FleetPage(
            matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count, page, pageSize,
            new StateCounts(connected, connecting, disconnected, other), fetchedAt));
    }

    /// <summary>Every number the query matches, in order, unpaged: what a CSV export of the current view holds.</summary>
    public async Task<ApiResult<IReadOnlyList<FleetRow>>> AllMatchingAsync(OperatorScope scope, FleetQuery query, CancellationToken cancellationToken = default)
    {
        var sorted = await SortedAsync(query, cancellationToken);
        if (!sorted.Succeeded)
        {
            return sorted.Failure;
        }

        var search = Search.From(query.Search);
        var matching = sorted.Value.Rows
            .Where(r => scope.CanSee(r.Row.CustomerId) && search.Matches(r) && MatchesProvider(r.Row, query.Provider)
                && MatchesCustomer(r.Row, query.Customer) && (query.State is null || Classify(r.Row.Number.State) == query.State))
            .Select(r => r.Row)
            .ToList();
        return ApiResult<IReadOnlyList<FleetRow>>.Success(matching);
    }

    /// <summary>One number by id, only if the operator may see it; otherwise "not found", exactly as for a number that does not exist.</summary>
    public async Task<ApiResult<FleetRow>> FindAsync(OperatorScope scope, string numberId, CancellationToken cancellationToken = default)
    {
        var sorted = await SortedAsync(new FleetQuery(), cancellationToken);
        if (!sorted.Succeeded)
        {
            return sorted.Failure;
        }

        var row = sorted.Value.Rows.FirstOrDefault(r => r.Row.Number.Id == numberId)?.Row;
        return row is null || !scope.CanSee(row.CustomerId) ? NotFound : ApiResult<FleetRow>.Success(row);
    }

    /// <summary>
    /// Those of <paramref name="numberIds"/> that exist and the operator may see, by id, to name numbers where only the id
    /// was kept (the audit log). Empty when the list cannot be read: the ids are shown then.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, WhatsAppNumber>> FindManyAsync(
        OperatorScope scope, IEnumerable<string> numberIds, CancellationToken cancellationToken = default)
    {
        var wanted = numberIds.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return new Dictionary<string, WhatsAppNumber>();
        }

        var sorted = await SortedAsync(new FleetQuery(), cancellationToken);
        if (!sorted.Succeeded)
        {
            return new Dictionary<string, WhatsAppNumber>();
        }

        return sorted.Value.Rows
            .Where(r => wanted.Contains(r.Row.Number.Id) && scope.CanSee(r.Row.CustomerId))
            .ToDictionary(r => r.Row.Number.Id, r => r.Row.Number, StringComparer.Ordinal);
    }

    public static readonly ApiFailure NotFound = new(ApiFailureKind.NotFound,
        "This number does not exist, was removed from Pilot Status, or is not one of your customers'. Go back to the numbers list.");

    public static StateFilter Classify(NumberState state) =>
        state.IsOpen ? StateFilter.Connected
        : state.IsConnecting ? StateFilter.Connecting
        : state.IsClosed ? StateFilter.Disconnected
        : StateFilter.Other;

    private async Task<ApiResult<(IReadOnlyList<IndexedRow> Rows, DateTimeOffset FetchedAt)>> SortedAsync(FleetQuery query, CancellationToken cancellationToken)
    {
        var list = await pilotStatus.ListNumbersAsync(cancellationToken);
        if (!list.Succeeded)
        {
            return list.Failure;
        }

        var assignments = await customers.GetAsync(cancellationToken);
        return ApiResult.Success((index.Sorted(list.Value, assignments, query.Sort, query.Descending), list.Value.FetchedAt));
    }

    private static bool MatchesProvider(FleetRow row, string? provider) =>
        string.IsNullOrEmpty(provider) || string.Equals(row.Number.Provider.Value, provider, StringComparison.OrdinalIgnoreCase);

    private static bool MatchesCustomer(FleetRow row, CustomerFilter filter) =>
        filter.IsAny || (filter.Unassigned ? row.CustomerId is null : row.CustomerId == filter.CustomerId);

    internal static string PhoneDigits(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());

        // "0 11 9…" is how a Brazilian dials long distance without a carrier code; the leading 0 is not in the E.164 number.
        return digits.StartsWith('0') ? digits.TrimStart('0') : digits;
    }

    /// <summary>Name, customer, instance and id by text; the phone by its digits, however the person typed it (+55, spaces, dashes, brackets).</summary>
    private sealed record Search(string? Text, string Digits)
    {
        public static Search From(string? text) =>
            string.IsNullOrWhiteSpace(text) ? new Search(null, "") : new Search(text.Trim(), PhoneDigits(text));

        public bool Matches(IndexedRow indexed)
        {
            if (Text is null)
            {
                return true;
            }

            var number = indexed.Row.Number;
            return Contains(number.Name) || Contains(number.Id) || Contains(indexed.Row.CustomerName) || Contains(number.InstanceName)
                || (Digits.Length >= 4 && indexed.PhoneDigits.Contains(Digits, StringComparison.Ordinal));
        }

        private bool Contains(string? haystack) => haystack is not null && haystack.Contains(Text!, StringComparison.OrdinalIgnoreCase);
    }
}
