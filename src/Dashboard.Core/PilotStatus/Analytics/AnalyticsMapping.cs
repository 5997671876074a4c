using System.Globalization;
using Dashboard.Core.PilotStatus.Api;

namespace Dashboard.Core.PilotStatus.Analytics;

internal static class AnalyticsMapping
{
    public static string ToQuery(AnalyticsPeriod period) => period switch
    {
        AnalyticsPeriod.SevenDays => "7d",
        AnalyticsPeriod.NinetyDays => "90d",
        _ => "30d",
    };

    public static NumberAnalytics ToAnalytics(AnalyticsWire wire) => new(
        wire.TotalSent ?? 0,
        wire.TotalFailed ?? 0,
        wire.SentPercentChange ?? 0,
        wire.FailedPercentChange ?? 0,
        wire.FailureRate ?? 0,
        (wire.DailyMessages ?? []).Select(d => new DailyCount(ToDate(d.Date), d.Count ?? 0)).ToArray(),
        wire.StatusDistribution ?? new Dictionary<string, double>());

    // Documented as "2026-02-24"; a full timestamp is accepted too.
    private static DateOnly ToDate(string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : throw new WireFormatException("a daily count has no valid date");
    }
}
