namespace PilotStatus.Sandbox;

internal static class AnalyticsEndpoints
{
    public static void MapAnalyticsEndpoints(this RouteGroupBuilder numberScoped) =>
        numberScoped.MapGet("/analytics/dashboard", Dashboard);

    /// <summary>KPIs over the number's outbound messages in the period; the previous period of equal length is the baseline.</summary>
    private static IResult Dashboard(HttpContext http, SandboxState state)
    {
        var days = http.Request.Query["period"].ToString() switch
        {
            "" or "30d" => 30,
            "7d" => 7,
            "90d" => 90,
            _ => 0,
        };
        if (days == 0)
        {
            return ApiErrors.Validation("Validation error: period must be 7d, 30d or 90d.");
        }

        var tzName = http.Request.Query["tz"].FirstOrDefault() ?? http.Request.Query["timezone"].FirstOrDefault() ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tzName, out var zone))
        {
            return ApiErrors.Validation($"Validation error: unknown time zone '{tzName}'.");
        }

        var now = state.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var firstDay = today.AddDays(1 - days);
        var outbound = state.HistoryOf(http.TargetNumber()).Messages
            .Where(m => m.Direction == MessageValues.Outbound)
            .Select(m => (Message: m, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.ProviderTimestamp, zone).DateTime)))
            .ToList();

        var current = outbound.Where(m => m.Day >= firstDay && m.Day <= today).ToList();
        var previous = outbound.Where(m => m.Day >= firstDay.AddDays(-days) && m.Day < firstDay).ToList();
        var failed = current.Count(m => m.Message.Status == MessageValues.Failed);
        var sent = current.Count - failed;
        var previousFailed = previous.Count(m => m.Message.Status == MessageValues.Failed);
        var previousSent = previous.Count - previousFailed;

        var perDay = current.GroupBy(m => m.Day).ToDictionary(g => g.Key, g => g.Count());
        var daily = Enumerable.Range(0, days)
            .Select(i => firstDay.AddDays(i))
            .Select(d => new DailyCount(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), perDay.GetValueOrDefault(d)))
            .ToList();

        return SandboxJson.Ok(new AnalyticsDashboard(
            sent,
            failed,
            PercentChange(sent, previousSent),
            PercentChange(failed, previousFailed),
            current.Count == 0 ? 0 : Math.Round(100.0 * failed / current.Count, 2),
            daily,
            new StatusDistribution(
                Share(current, MessageValues.Queued),
                Share(current, MessageValues.Sent),
                Share(current, MessageValues.Delivered),
                Share(current, MessageValues.Read),
                Share(current, MessageValues.Failed))));
    }

    private static double PercentChange(int current, int previous) =>
        previous == 0 ? 0 : Math.Round(100.0 * (current - previous) / previous, 2);

    private static double Share(List<(ChatMessage Message, DateOnly Day)> messages, string status) =>
        messages.Count == 0 ? 0 : Math.Round(100.0 * messages.Count(m => m.Message.Status == status) / messages.Count, 2);
}

internal sealed record AnalyticsDashboard(
    int TotalSent,
    int TotalFailed,
    double SentPercentChange,
    double FailedPercentChange,
    double FailureRate,
    IReadOnlyList<DailyCount> DailyMessages,
    StatusDistribution StatusDistribution);

internal sealed record DailyCount(string Date, int Count);

internal sealed record StatusDistribution(double Queued, double Sent, double Delivered, double Read, double Failed);
