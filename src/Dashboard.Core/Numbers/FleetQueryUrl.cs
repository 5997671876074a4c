using System.Globalization;

namespace Dashboard.Core.Numbers;

/// <summary>
/// A <see cref="FleetQuery"/> as URL query parameters and back: <c>?q=padaria&amp;state=connected&amp;provider=META&amp;customer=3&amp;sort=updated&amp;desc=1&amp;page=2&amp;size=50</c>.
/// Defaults are left out, unknown or malformed values are ignored, so any hand-edited URL still opens a sensible view.
/// </summary>
public static class FleetQueryUrl
{
    public const string UnassignedCustomer = "none";

    public static FleetQuery Parse(Func<string, string?> get)
    {
        var query = new FleetQuery
        {
            Search = NullIfBlank(get("q")),
            State = Enum.TryParse<StateFilter>(get("state"), ignoreCase: true, out var state) && Enum.IsDefined(state) ? state : null,
            Provider = NullIfBlank(get("provider"))?.ToUpperInvariant(),
            Customer = get("customer") switch
            {
                UnassignedCustomer => CustomerFilter.None,
                { } id when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var customerId) => CustomerFilter.Of(customerId),
                _ => CustomerFilter.Any,
            },
            Sort = Enum.TryParse<FleetSort>(get("sort"), ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : FleetSort.Name,
            Descending = get("desc") == "1",
            Page = int.TryParse(get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            PageSize = int.TryParse(get("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && FleetQuery.PageSizes.Contains(size)
                ? size
                : FleetQuery.DefaultPageSize,
        };
        return query;
    }

    /// <summary>The parameters that differ from the defaults; null values remove a parameter from the current URL.</summary>
    public static IReadOnlyDictionary<string, object?> ToParameters(FleetQuery query) => new Dictionary<string, object?>
    {
        ["q"] = NullIfBlank(query.Search),
        ["state"] = query.State?.ToString().ToLowerInvariant(),
        ["provider"] = NullIfBlank(query.Provider),
        ["customer"] = query.Customer.Unassigned ? UnassignedCustomer : query.Customer.CustomerId?.ToString(CultureInfo.InvariantCulture),
        ["sort"] = query.Sort == FleetSort.Name ? null : query.Sort.ToString().ToLowerInvariant(),
        ["desc"] = query.Descending ? "1" : null,
        ["page"] = query.Page > 1 ? query.Page.ToString(CultureInfo.InvariantCulture) : null,
        ["size"] = query.PageSize != FleetQuery.DefaultPageSize ? query.PageSize.ToString(CultureInfo.InvariantCulture) : null,
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
