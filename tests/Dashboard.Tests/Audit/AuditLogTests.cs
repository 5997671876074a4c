using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Settings;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_entry_records_who_did_what_to_which_number_from_where_and_when()
    {
        var log = new AuditLog(_database, new RequestOrigin { IpAddress = "203.0.113.7" }, _clock, NullLogger<AuditLog>.Instance);
        var ana = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "op-1"), new Claim(ClaimTypes.Email, "ana@example.com")], "test"));

        await log.RecordAsync(ana, new AuditEvent(AuditActions.NumberRemoved, NumberId: "cmm0abc123", CustomerId: 4, Detail: "Removed from Pilot Status"));

        await using var db = _database.CreateDbContext();
        var entry = Assert.Single(await db.AuditEntries.ToListAsync());
        Assert.Equal(
            (AuditActions.NumberRemoved, "op-1", "ana@example.com", "cmm0abc123", (int?)4, "203.0.113.7", new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc)),
            (entry.Action, entry.OperatorId, entry.OperatorEmail, entry.NumberId, entry.CustomerId, entry.IpAddress, entry.At));
        Assert.Equal(DateTimeKind.Utc, entry.At.Kind);
    }

    [Fact]
    public async Task A_failed_sign_in_for_an_unknown_email_is_recorded_without_an_operator()
    {
        var log = new AuditLog(_database, new RequestOrigin(), _clock, NullLogger<AuditLog>.Instance);

        await log.RecordAsync(null, null, new AuditEvent(AuditActions.SignInFailed, Detail: "nobody@example.com"));

        await using var db = _database.CreateDbContext();
        var entry = Assert.Single(await db.AuditEntries.ToListAsync());
        Assert.Null(entry.OperatorId);
        Assert.Equal("nobody@example.com", entry.Detail);
    }

    [Fact]
    public async Task Settings_are_off_until_set_and_remember_who_changed_them()
    {
        var settings = new DashboardSettings(_database, _clock);
        Assert.False(await settings.GetFlagAsync(DashboardSettingKeys.RequireTwoFactor));

        await settings.SetFlagAsync(DashboardSettingKeys.RequireTwoFactor, true, "op-1");
        await settings.SetFlagAsync(DashboardSettingKeys.RequireTwoFactor, false, "op-2");
        await settings.SetFlagAsync(DashboardSettingKeys.RequireTwoFactor, true, "op-3");

        Assert.True(await settings.GetFlagAsync(DashboardSettingKeys.RequireTwoFactor));
        await using var db = _database.CreateDbContext();
        Assert.Equal("op-3", Assert.Single(await db.DashboardSettings.ToListAsync()).ChangedBy);
    }

    [Fact]
    public void Every_action_name_is_distinct_and_fits_its_column()
    {
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct().Count());
        Assert.All(AuditActions.All, action => Assert.InRange(action.Length, 1, 64));
    }

    public void Dispose() => _database.Dispose();
}
