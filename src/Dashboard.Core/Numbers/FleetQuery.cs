using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Numbers;

public enum FleetSort
{
    Name,
    Phone,
    Customer,
    State,
    Provider,
    Updated,
    Id,
}

/// <summary>The state filter of the numbers list. <see cref="Other"/> catches values the API documents nowhere.</summary>
public enum StateFilter
{
    Connected,
    Connecting,
    Disconnected,
    Other,
}

/// <summary>Which customer's numbers to show: all, the unassigned ones, or one customer's.</summary>
public readonly record struct CustomerFilter(int? CustomerId, bool Unassigned)
{
    public static readonly CustomerFilter Any = new(null, false);
    public static readonly CustomerFilter None = new(null, true);

    public static CustomerFilter Of(int customerId) => new(customerId, false);

    public bool IsAny => CustomerId is null && !Unassigned;
}

/// <summary>One view of the numbers list: everything in it fits in a URL, so views can be bookmarked and shared.</summary>
public sealed record FleetQuery
{
    public const int DefaultPageSize = 25;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    public string? Search { get; init; }

    public StateFilter? State { get; init; }

    /// <summary><c>PILOT_STATUS</c>, <c>META</c> or another provider's name as the API gives it.</summary>
    public string? Provider { get; init; }

    public CustomerFilter Customer { get; init; } = CustomerFilter.Any;

    public FleetSort Sort { get; init; } = FleetSort.Name;

    public bool Descending { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <param name="CustomerId">The local assignment, or null for an unassigned number.</param>
public sealed record FleetRow(WhatsAppNumber Number, int? CustomerId, string? CustomerName);

public sealed record StateCounts(int Connected, int Connecting, int Disconnected, int Other)
{
    public int Total => Connected + Connecting + Disconnected + Other;
}

/// <param name="Rows">The requested page.</param>
/// <param name="Matching">How many numbers match the filters, over all pages.</param>
/// <param name="Counts">By state, for everything the other filters match (so the counts can act as a state filter).</param>
/// <param name="FetchedAt">When the list was read from Pilot Status; states in it may lag the live state.</param>
public sealed record FleetPage(
    IReadOnlyList<FleetRow> Rows,
    int Matching,
    int Page,
    int PageSize,
    StateCounts Counts,
    DateTimeOffset FetchedAt)
{
    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);
}
