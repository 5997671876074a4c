using Bunit;
using Dashboard.Browser;
using Dashboard.Components.Pages.Audit;
using Dashboard.Core.Audit;
using Dashboard.Core.Operators;
using Dashboard.Tests.Numbers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Audit;

public sealed class AuditPageTests : NumberComponentTestContext
{
    private static readonly OperatorScope Admin = new("operator-1", OperatorRoles.Administrator, null);

    public AuditPageTests()
    {
        Services.AddSingleton<AuditTrail>();
        Api.Numbers.Add(ContractNumbers.Qr("num_b", "+5511900000002") with { Name = "Entregas" });
    }

    [Fact]
    public async Task An_entry_shows_its_time_to_the_second_and_its_number_by_name_and_masked_phone_with_the_id_on_hover()
    {
        Clock.SetUtcNow(DateTimeOffset.Parse("2026-07-01T15:04:07Z"));
        await Services.GetRequiredService<AuditLog>().RecordAsync(Admin, new AuditEvent(AuditActions.NumberAdded, NumberId: "num_b"));
        await Services.GetRequiredService<AuditLog>().RecordAsync(Admin, new AuditEvent(AuditActions.NumberRemoved, NumberId: "num_gone"));

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("Entregas", page.FindAll("tbody tr").Single(r => r.TextContent.Contains(AuditActions.NumberAdded)).TextContent));
        Assert.Equal(2, page.FindAll("tbody tr").Count);
        var added = page.FindAll("tbody tr").Single(r => r.TextContent.Contains(AuditActions.NumberAdded));
        Assert.Contains(":04:07", added.QuerySelector("time")!.TextContent);
        Assert.Contains("Entregas", added.TextContent);
        Assert.Contains("+551190****0002", added.TextContent);
        Assert.DoesNotContain("+5511900000002", added.TextContent);
        Assert.Contains(added.QuerySelectorAll("[title]"), e => e.GetAttribute("title") == "num_b" && e.TextContent.Contains("Entregas"));

        // A number Pilot Status no longer lists keeps its id: the log must still say which one it was.
        Assert.Contains("num_gone", page.FindAll("tbody tr").Single(r => r.TextContent.Contains(AuditActions.NumberRemoved)).TextContent);
    }

    [Fact]
    public async Task The_date_filter_takes_whole_days_in_the_operators_time_zone()
    {
        JSInterop.Setup<string?>(BrowserTimeZone.ZoneFunction).SetResult("America/Sao_Paulo");
        var audit = Services.GetRequiredService<AuditLog>();
        Clock.SetUtcNow(DateTimeOffset.Parse("2026-07-01T01:30:00Z")); // 22:30 on 30 June in São Paulo
        await audit.RecordAsync(Admin, new AuditEvent(AuditActions.CustomerCreated, Detail: "late on the 30th"));
        Clock.SetUtcNow(DateTimeOffset.Parse("2026-07-01T04:00:00Z")); // 01:00 on 1 July in São Paulo
        await audit.RecordAsync(Admin, new AuditEvent(AuditActions.CustomerCreated, Detail: "early on the 1st"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("audit?from=2026-06-30&to=2026-06-30");
        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Equal("late on the 30th", page.Find("tbody tr td:nth-child(6)").TextContent.Trim()));
        Assert.Single(page.FindAll("tbody tr"));
        Assert.Contains("America/Sao_Paulo", page.Markup);
        var export = page.FindAll("a").Single(a => a.TextContent.Contains("Export CSV")).GetAttribute("href")!;
        Assert.Contains("from=2026-06-30", export);
        Assert.Contains("to=2026-06-30", export);
        Assert.Contains("tz=America%2FSao_Paulo", export);
    }

    [Fact]
    public void Days_in_the_address_are_local_days_and_round_trip()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        var filter = AuditFilterUrl.Parse(name => name switch { "from" => "2026-06-30", "to" => "2026-06-30", _ => null }, zone);

        Assert.Equal(DateTimeOffset.Parse("2026-06-30T03:00:00Z").UtcDateTime, filter.From);
        Assert.Equal(DateTimeOffset.Parse("2026-07-01T03:00:00Z").UtcDateTime, filter.To);
        Assert.Equal("2026-06-30", AuditFilterUrl.ToParameters(filter, zone)["from"]);
        Assert.Equal("2026-06-30", AuditFilterUrl.ToParameters(filter, zone)["to"]);
    }

    [Theory]
    [InlineData("America/Sao_Paulo")]
    [InlineData("Asia/Tokyo")]
    public void The_first_and_last_days_of_the_calendar_filter_without_failing(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var filter = AuditFilterUrl.Parse(name => name switch { "from" => "0001-01-01", "to" => "9999-12-31", _ => null }, zone);

        Assert.True(filter.From is null || filter.From < new DateTime(1, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        Assert.Null(filter.To);
    }
}
