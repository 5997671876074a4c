namespace Dashboard.Core.PilotStatus.Analytics;

public enum AnalyticsPeriod
{
    SevenDays,
    ThirtyDays,
    NinetyDays,
}

/// <summary>The KPIs of one number over a period, as the Pilot Status dashboard shows them.</summary>
/// <param name="FailureRate">Percent (2.44 means 2.44 %).</param>
/// <param name="StatusDistribution">Percent per status (<c>queued</c>, <c>sent</c>, <c>failed</c>, <c>read</c>, ...).</param>
public sealed record NumberAnalytics(
    int TotalSent,
    int TotalFailed,
    double SentPercentChange,
    double FailedPercentChange,
    double FailureRate,
    IReadOnlyList<DailyCount> DailyMessages,
    IReadOnlyDictionary<string, double> StatusDistribution);

public sealed record DailyCount(DateOnly Date, int Count);
