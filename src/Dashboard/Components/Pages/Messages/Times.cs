using System.Globalization;

namespace Dashboard.Components.Pages.Messages;

/// <summary>
/// What <c>LocalTime</c> shows, for rows: a table of 100 messages with up to four times each would otherwise hold
/// hundreds of components, each asking for the time zone after its first render. The table asks once.
/// </summary>
internal static class Times
{
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset at, TimeZoneInfo? zone) => zone is null || zone == TimeZoneInfo.Utc
        ? at.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC"
        : TimeZoneInfo.ConvertTime(at, zone).DateTime.ToString("g", CultureInfo.CurrentCulture);
}
