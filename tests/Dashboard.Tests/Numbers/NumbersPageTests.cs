using Bunit;
using Dashboard.Components.Pages.Numbers;
using Dashboard.Core.Customers;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Numbers;

public sealed class NumbersPageTests : DashboardTestContext
{
    private readonly FakePilotStatusClient _api = new();
    private readonly TestDatabase _db = new();

    public NumbersPageTests()
    {
        Services.AddSingleton<IPilotStatusClient>(_api);
        Services.AddSingleton<IDbContextFactory<Dashboard.Core.Data.DashboardDbContext>>(_db);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<OperatorScopes>();
        Services.AddSingleton<FleetIndex>();
        Services.AddTransient<NumberFleet>();
        Services.AddTransient<StateRefresh>();
        Services.AddScoped<Dashboard.Browser.ClipboardService>();
        Services.AddSingleton<MetaQuality>();
        Services.AddScoped<Dashboard.Browser.BrowserTimeZone>();
        _api.Numbers.AddRange(
        [
            FakePilotStatusClient.Number("cmm0aaa1", "Padaria Estrela · Vendas", "+5511982056555", "OPEN"),
            FakePilotStatusClient.Number("cmm0aaa2", "Padaria Estrela · Entregas", "+5511977770000", "CLOSE"),
            FakePilotStatusClient.Number("cmm0bbb1", "Clínica Sorriso · Atendimento", "+5521984349701", "OPEN"),
        ]);
    }

    [Fact]
    public void The_list_shows_each_number_with_its_phone_state_and_id()
    {
        var page = Render<NumbersPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var first = page.FindAll("tbody tr")[0].TextContent;
        Assert.Contains("Clínica Sorriso · Atendimento", first);
        Assert.Contains("+55 21 98434-9701", first);
        Assert.Contains("+5521984349701", first);
        Assert.Contains("Unassigned", first);
        Assert.Contains("Connected", first);
        Assert.Contains("Ready to send", first);
        Assert.Contains("cmm0bbb1", first);
    }

    [Fact]
    public void Counts_by_state_are_shown_and_act_as_the_state_filter()
    {
        var page = Render<NumbersPage>();
        page.WaitForAssertion(() => Assert.Contains("2 connected", System.Text.RegularExpressions.Regex.Replace(page.Find(".state-counts").TextContent, @"\s+", " ")));

        page.FindAll(".state-counts button").Single(b => b.TextContent.Contains("disconnected")).Click();

        Assert.EndsWith("?state=disconnected", Services.GetRequiredService<NavigationManager>().Uri);

        // The router renders the page again for the new address.
        var filtered = Render<NumbersPage>();
        filtered.WaitForAssertion(() => Assert.Single(filtered.FindAll("tbody tr")));
        Assert.Contains("Padaria Estrela · Entregas", filtered.Find("tbody tr").TextContent);
        Assert.Equal("true", filtered.FindAll(".state-counts button").Single(b => b.TextContent.Contains("disconnected")).GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_bookmarked_view_opens_as_it_was_saved()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("numbers?q=padaria&sort=name&desc=1");

        var page = Render<NumbersPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Contains("Vendas", page.FindAll("tbody tr")[0].TextContent);
        Assert.Equal("descending", page.FindAll("th[aria-sort]")[0].GetAttribute("aria-sort"));
    }

    [Fact]
    public void A_rejected_key_says_what_happened_and_offers_to_try_again()
    {
        _api.FailWith = new ApiFailure(ApiFailureKind.Unauthorized, "Pilot Status rejected the API key (HTTP 401). Check PilotStatus:TenantApiKey.");

        var page = Render<NumbersPage>();

        page.WaitForAssertion(() => Assert.Contains("Check PilotStatus:TenantApiKey", page.Find("[role=alert]").TextContent));
        _api.FailWith = null;
        page.FindAll("[role=alert] button").Single(b => b.TextContent.Contains("Try again")).Click();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
    }

    [Fact]
    public void An_empty_fleet_and_an_empty_filter_result_say_different_things()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("numbers?q=nothing-like-this");
        var filtered = Render<NumbersPage>();
        filtered.WaitForAssertion(() => Assert.Contains("No number matches these filters", filtered.Markup));
        Assert.Contains("Clear filters", filtered.Markup);

        _api.Numbers.Clear();
        Services.GetRequiredService<NavigationManager>().NavigateTo("numbers");
        var empty = Render<NumbersPage>();
        empty.WaitForAssertion(() => Assert.Contains("No numbers yet", empty.Markup));
    }

    [Fact]
    public void The_export_link_carries_the_current_view_without_its_page()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("numbers?state=connected&page=2");

        var page = Render<NumbersPage>();

        page.WaitForAssertion(() =>
            Assert.EndsWith("numbers/export.csv?state=connected", page.FindAll("a").Single(a => a.TextContent.Contains("Export CSV")).GetAttribute("href")));
    }

    [Fact]
    public void Selected_number_IDs_are_copied_one_per_line()
    {
        var copy = JSInterop.SetupVoid(Dashboard.Browser.ClipboardService.CopyFunction, _ => true);
        var page = Render<NumbersPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        page.Find("input[aria-label='Select Padaria Estrela · Vendas']").Change(true);
        page.Find("input[aria-label='Select Clínica Sorriso · Atendimento']").Change(true);
        Assert.Contains("2", page.Find("[role=region]").TextContent);
        page.FindAll("[role=region] button").Single(b => b.TextContent.Contains("Copy IDs")).Click();

        var invocation = Assert.Single(copy.Invocations);
        Assert.Equal("cmm0aaa1\ncmm0bbb1", invocation.Arguments[0]);
    }

    [Fact]
    public void Meta_numbers_show_their_quality_rating_in_words_once_read()
    {
        _api.Numbers.Add(FakePilotStatusClient.Number("wa_abc", "Acme · Meta", "+5511999999999", provider: "META"));
        _api.Health["wa_abc"] = new NumberHealth("YELLOW", "TIER_2K", "CONNECTED", true);

        var page = Render<NumbersPage>();

        page.WaitForAssertion(() => Assert.Contains("Medium", page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Acme · Meta")).TextContent));
        Assert.Equal(1, _api.DetailCalls);
        Assert.DoesNotContain("Medium", page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Padaria Estrela · Vendas")).TextContent);
    }

    [Fact]
    public void The_filters_are_selects_whose_choice_becomes_the_view_in_the_address()
    {
        var page = Render<NumbersPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        var provider = page.FindAll("label.native-field").Single(l => l.TextContent.Contains("Provider")).QuerySelector("select")!;
        Assert.Equal(["", "PILOT_STATUS", "META"], provider.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        provider.Change("META");

        Assert.EndsWith("?provider=META", Services.GetRequiredService<NavigationManager>().Uri);
        page.WaitForAssertion(() => Assert.Contains("No number matches these filters", page.Markup));
    }

    [Fact]
    public void Times_are_shown_in_the_operators_time_zone_once_the_browser_has_said_which()
    {
        JSInterop.Setup<string?>(Dashboard.Browser.BrowserTimeZone.ZoneFunction).SetResult("America/Sao_Paulo");

        var page = Render<NumbersPage>();

        // Updated 2026-11-20 10:00 UTC: 07:00 in São Paulo (UTC−3), the exact instant on hover.
        var saoPaulo = new DateTime(2026, 11, 20, 7, 0, 0).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
        page.WaitForAssertion(() => Assert.Contains(saoPaulo, page.FindAll("tbody tr")[0].TextContent));
        Assert.Equal("2026-11-20 10:00:00Z", page.FindAll("tbody tr")[0].QuerySelector("td[title]")!.GetAttribute("title"));
    }

    [Fact]
    public void Each_rows_copy_and_messages_buttons_draw_their_icon()
    {
        var page = Render<NumbersPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        var row = page.FindAll("tbody tr")[0];
        foreach (var button in new[] { row.QuerySelector("button[aria-label^='Copy number ID']")!, row.QuerySelector("a.row-messages")! })
        {
            // Path data, not MudBlazor's markup pasted into an attribute (which draws nothing).
            var paths = button.QuerySelectorAll("svg path").Select(p => p.GetAttribute("d") ?? "").ToList();
            Assert.Contains(paths, d => d.StartsWith("M", StringComparison.Ordinal) && d.Length > 20);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }
}
