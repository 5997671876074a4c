using System.Globalization;

namespace Dashboard.Core.Messages;

/// <summary>An inclusive range of message times sent to Pilot Status as <c>startDate</c> / <c>endDate</c>; either end may be open.</summary>
public sealed record HistoryRange(DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public const string InvalidDateRangeCode = "INVALID_DATE_RANGE";

    public static readonly HistoryRange All = new();

    public bool IsOpen => From is null && To is null;

    /// <summary>Days as the operator typed them (<c>yyyy-MM-dd</c>, either may be empty), read in the operator's time zone:
    /// from the start of the first day to the end of the last. Null with a sentence saying what to fix when they do not make a range.</summary>
    public static (HistoryRange? Range, string? Problem) FromDays(string? fromDay, string? toDay, TimeZoneInfo zone)
    {
        if (!TryDay(fromDay, out var from) || !TryDay(toDay, out var to))
        {
            return (null, "Enter each date in full (day, month and year), or leave it empty.");
        }

        if (from is { } f && to is { } t && f > t)
        {
            return (null, "The start date is after the end date. Pick a start date on or before the end date.");
        }

        return (new HistoryRange(from is { } start ? StartOf(start, zone) : null, to is { } end ? StartOf(end.AddDays(1), zone).AddTicks(-1) : null), null);
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Midnight can be skipped by a daylight-saving change; the first moment that exists is what the operator means.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
