using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Audit;

/// <summary>Which entries to show. Every filter is optional; times are UTC, <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
public sealed record AuditFilter
{
    public const int PageSize = 50;

    /// <summary>Part of the operator's email as recorded.</summary>
    public string? Operator { get; init; }

    public int? CustomerId { get; init; }

    /// <summary>Part of the Pilot Status number id.</summary>
    public string? NumberId { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string? Action { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageCount, IReadOnlyDictionary<int, string> CustomerNames);

/// <summary>Reading the audit log: Administrators only, and read only (there is no way to change an entry).</summary>
public sealed class AuditTrail(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>The export stops here; a longer period is exported in parts.</summary>
    public const int ExportLimit = 100_000;

    public async Task<AuditPage?> QueryAsync(OperatorScope scope, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageOperators)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Filter(db.AuditEntries.AsNoTracking(), filter);
        var total = await matching.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var entries = await matching.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize).ToListAsync(cancellationToken);
        var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new AuditPage(entries, total, page, pageCount, names);
    }

    /// <summary>Every entry the filter matches, newest first, as CSV; false (nothing written) for anyone but an Administrator.</summary>
    public async Task<bool> ExportAsync(OperatorScope scope, AuditFilter filter, TextWriter writer, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageOperators)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        await writer.WriteLineAsync("Time (UTC),Action,Operator,Operator ID,Number ID,Customer ID,Customer,Detail,IP address");
        var entries = Filter(db.AuditEntries.AsNoTracking(), filter).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(ExportLimit).AsAsyncEnumerable();
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            string?[] cells =
            [
                e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Action, e.OperatorEmail, e.OperatorId, e.NumberId,
                e.CustomerId?.ToString(CultureInfo.InvariantCulture), e.CustomerId is { } id ? names.GetValueOrDefault(id) : null,
                e.Detail, e.IpAddress,
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(FleetCsv.Cell)));
        }

        return true;
    }

    /// <summary>The operators who appear in the log, for the filter's suggestions.</summary>
    public async Task<IReadOnlyList<string>> OperatorEmailsAsync(OperatorScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageOperators)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Email != null).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Operator))
        {
            var text = filter.Operator.Trim().ToLower();
            entries = entries.Where(a => a.OperatorEmail != null && a.OperatorEmail.ToLower().Contains(text));
        }

        if (filter.CustomerId is { } customerId)
        {
            entries = entries.Where(a => a.CustomerId == customerId);
        }

        if (!string.IsNullOrWhiteSpace(filter.NumberId))
        {
            var number = filter.NumberId.Trim();
            entries = entries.Where(a => a.NumberId != null && a.NumberId.Contains(number));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(a => a.Action == filter.Action);
        }

        if (filter.From is { } from)
        {
            entries = entries.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            entries = entries.Where(a => a.At < to);
        }

        return entries;
    }
}

/// <summary>An <see cref="AuditFilter"/> in the URL (<c>?operator=ana&amp;customer=3&amp;number=cmm…&amp;action=customer.created&amp;from=2026-11-01&amp;to=2026-11-23&amp;page=2</c>), shared by the page and the CSV export.</summary>
public static class AuditFilterUrl
{
    /// <summary>
    /// Dates are whole days in <paramref name="zone"/> (the operator's; UTC when not known): <c>from</c> starts at its local
    /// midnight, <c>to</c> includes its day. A day the calendar cannot hold in that zone leaves that end open.
    /// </summary>
    public static AuditFilter Parse(Func<string, string?> get, TimeZoneInfo? zone = null) => new()
    {
        Operator = Blank(get("operator")),
        CustomerId = int.TryParse(get("customer"), NumberStyles.None, CultureInfo.InvariantCulture, out var customer) ? customer : null,
        NumberId = Blank(get("number")),
        Action = Blank(get("action")) is { } action && AuditActions.All.Contains(action) ? action : null,
        From = Day(get("from")) is { } from ? DayStart(from, zone) : null,
        To = Day(get("to")) is { } to && to < DateOnly.MaxValue ? DayStart(to.AddDays(1), zone) : null,
        Page = int.TryParse(get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
    };

    public static IReadOnlyDictionary<string, object?> ToParameters(AuditFilter filter, TimeZoneInfo? zone = null) => new Dictionary<string, object?>
    {
        ["operator"] = Blank(filter.Operator),
        ["customer"] = filter.CustomerId?.ToString(CultureInfo.InvariantCulture),
        ["number"] = Blank(filter.NumberId),
        ["action"] = Blank(filter.Action),
        ["from"] = LocalDay(filter.From, zone)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = LocalDay(filter.To, zone) is { } end && end > DateOnly.MinValue ? end.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ["page"] = filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null,
    };

    /// <summary>The day in <paramref name="zone"/> that <paramref name="utc"/> falls on.</summary>
    public static DateOnly? LocalDay(DateTime? utc, TimeZoneInfo? zone) => utc is { } at
        ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone ?? TimeZoneInfo.Utc))
        : null;

    /// <summary>The UTC instant at which <paramref name="day"/> begins in <paramref name="zone"/>.</summary>
    public static DateTime? DayStart(DateOnly day, TimeZoneInfo? zone)
    {
        zone ??= TimeZoneInfo.Utc;
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where daylight saving starts at midnight (Brazil until 2019), the day begins at the first hour that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        try
        {
            return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
        }
        catch (ArgumentException)
        {
            // 0001-01-01 east of Greenwich begins before the calendar does: no lower bound at all.
            return null;
        }
    }

    /// <summary>The days a filter can name; beyond them a date is no filter at all (9999-12-31 plus its day would overflow).</summary>
    public static readonly DateTime FirstDay = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), LastDay = new(9000, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day >= DateOnly.FromDateTime(FirstDay) && day <= DateOnly.FromDateTime(LastDay)
            ? day
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
