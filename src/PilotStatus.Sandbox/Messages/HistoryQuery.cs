using System.Globalization;

namespace PilotStatus.Sandbox;

/// <summary>The shared query of history and conversations: <c>page</c>, <c>pageSize</c> (1–100, default 30), <c>startDate</c>, <c>endDate</c>.</summary>
internal sealed record HistoryQuery(int Page, int PageSize, DateTimeOffset? Start, DateTimeOffset? End)
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    public static IResult? TryParse(IQueryCollection query, out HistoryQuery parsed)
    {
        parsed = new HistoryQuery(1, DefaultPageSize, null, null);
        if (!TryInt(query["page"], 1, out var page) || page < 1)
        {
            return ApiErrors.Validation("Validation error: page must be an integer of at least 1.");
        }

        if (!TryInt(query["pageSize"], DefaultPageSize, out var pageSize) || pageSize is < 1 or > MaxPageSize)
        {
            return ApiErrors.Validation($"Validation error: pageSize must be an integer from 1 to {MaxPageSize}.");
        }

        if (!TryDate(query["startDate"], out var start) || !TryDate(query["endDate"], out var end))
        {
            return ApiErrors.InvalidDateRange("startDate and endDate must be ISO 8601 dates.");
        }

        if (start > end)
        {
            return ApiErrors.InvalidDateRange("startDate must not be after endDate.");
        }

        parsed = new HistoryQuery(page, pageSize, start, end);
        return null;
    }

    public bool Includes(DateTimeOffset moment) => (Start is null || moment >= Start) && (End is null || moment <= End);

    public int TotalPages(int total) => (total + PageSize - 1) / PageSize;

    public IEnumerable<T> PageOf<T>(IEnumerable<T> items) => items.Skip((Page - 1) * PageSize).Take(PageSize);

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
