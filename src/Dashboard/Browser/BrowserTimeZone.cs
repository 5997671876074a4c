using System.Globalization;
using Microsoft.JSInterop;

namespace Dashboard.Browser;

/// <summary>
/// The operator's time zone, asked of the browser once per circuit (<c>wwwroot/js/time-zone.js</c>): the server's own
/// zone says nothing about where the operator sits. UTC until the browser has answered, or if it cannot.
/// </summary>
public sealed class BrowserTimeZone(IJSRuntime js)
{
    public const string ZoneFunction = "dashboardTimeZone";

    private Task<TimeZoneInfo>? _zone;

    /// <summary>Only after the first render: JavaScript cannot be called while a page is prerendered.</summary>
    public Task<TimeZoneInfo> GetAsync() => _zone ??= ReadAsync();

    /// <summary>The zone if the browser has answered already in this circuit, so later components render it at once.</summary>
    public TimeZoneInfo? Known => _zone is { IsCompletedSuccessfully: true } zone ? zone.Result : null;

    /// <summary>The exact instant for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The exact instant in UTC, for a tooltip: to compare with Pilot Status and logs.</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="at"/> in <paramref name="zone"/> and the current culture; until the browser has told its zone
    /// (or when it is UTC), the UTC time marked "UTC", so a server's own zone is never passed off as the operator's.
    /// </summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo? zone, string format = "g") => zone is null || zone == TimeZoneInfo.Utc
        ? at.UtcDateTime.ToString(format, CultureInfo.CurrentCulture) + " UTC"
        : TimeZoneInfo.ConvertTime(at, zone).DateTime.ToString(format, CultureInfo.CurrentCulture);

    private async Task<TimeZoneInfo> ReadAsync()
    {
        try
        {
            var id = await js.InvokeAsync<string?>(ZoneFunction);
            return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
