namespace Dashboard.Core.PilotStatus.Messages;

/// <summary>A page of history or conversations, optionally within a date range (inclusive).</summary>
/// <param name="PageSize">1 to 100; the API's default is 30.</param>
public sealed record PageRequest(int Page = 1, int PageSize = 30, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public const int MaxPageSize = 100;

    internal int SafePage => Math.Max(1, Page);

    internal int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    internal string? FromText => Format(From);

    internal string? ToText => Format(To);

    private static string? Format(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
