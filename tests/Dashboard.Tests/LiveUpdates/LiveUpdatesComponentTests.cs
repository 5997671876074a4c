using Bunit;
using Dashboard.Components.Layout;
using Dashboard.Components.Pages.Numbers;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Numbers;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.LiveUpdates;

public sealed class LiveUpdatesComponentTests : NumberComponentTestContext
{
    public LiveUpdatesComponentTests()
    {
        Services.AddTransient<StateRefresh>();
        Services.AddSingleton<MetaQuality>();
    }

    private NumberStateBook States => Services.GetRequiredService<NumberStateBook>();

    [Fact]
    public void The_numbers_list_badge_turns_connected_when_the_event_arrives_without_a_reload()
    {
        Api.Numbers.Add(ContractNumbers.Qr() with { State = NumberState.Closed, Ready = false });
        var page = Render<NumbersPage>();
        page.WaitForAssertion(() => Assert.Equal("Disconnected", page.Find("tbody .state-badge").TextContent));

        States.Observe(ContractNumbers.QrId, NumberState.Open, ready: true, StatusChangeSource.Event, "number.connected");

        page.WaitForAssertion(() => Assert.Equal("Connected", page.Find("tbody .state-badge").TextContent));
    }

    [Fact]
    public async Task A_page_closed_before_the_event_no_longer_listens()
    {
        Api.Numbers.Add(ContractNumbers.Qr() with { State = NumberState.Closed, Ready = false });
        var page = Render<NumbersPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));

        await DisposeComponentsAsync();

        States.Observe(ContractNumbers.QrId, NumberState.Open, ready: true, StatusChangeSource.Event, "number.connected");
        Assert.Null(typeof(NumberEvents).GetField("StateChanged", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(Events));
    }

    [Fact]
    public async Task The_timeline_tab_lists_recorded_changes_newest_first_and_adds_a_new_one_as_it_happens()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.NumberStatusChanges.AddRange(
                new NumberStatusChange { NumberId = ContractNumbers.QrId, At = DateTime.Parse("2026-06-30T09:00:00Z").ToUniversalTime(), ToState = "CONNECTING", Source = StatusChangeSource.Operator, Detail = "connect wizard" },
                new NumberStatusChange { NumberId = ContractNumbers.QrId, At = DateTime.Parse("2026-06-30T09:01:00Z").ToUniversalTime(), FromState = "CONNECTING", ToState = "OPEN", Source = StatusChangeSource.Event, Detail = "number.connected" },
                new NumberStatusChange { NumberId = "someone-else", At = DateTime.Parse("2026-06-30T09:02:00Z").ToUniversalTime(), ToState = "CLOSE", Source = StatusChangeSource.Poll });
            await db.SaveChangesAsync();
        }

        var tab = Render<NumberTimelineTab>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("tbody tr").Count));
        var rows = tab.FindAll("tbody tr");
        Assert.Contains("Connecting → Connected", rows[0].TextContent);
        Assert.Contains("Webhook event", rows[0].TextContent);
        Assert.Contains("Operator action", rows[1].TextContent);

        States.Observe(ContractNumbers.QrId, NumberState.Open, ready: true, StatusChangeSource.Event, "number.connected");
        Clock.Advance(TimeSpan.FromMinutes(1));
        States.Observe(ContractNumbers.QrId, NumberState.Closed, ready: false, StatusChangeSource.Poll, "live status");

        tab.WaitForAssertion(() => Assert.Equal(4, tab.FindAll("tbody tr").Count));
        Assert.Contains("Connected → Disconnected", tab.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("Poll", tab.FindAll("tbody tr")[0].TextContent);
    }

    [Fact]
    public async Task The_timeline_of_a_number_outside_a_Support_operators_customers_is_not_shown()
    {
        await SignInAsSupportOfAsync("another-number");
        await using (var db = Database.CreateDbContext())
        {
            db.NumberStatusChanges.Add(new NumberStatusChange { NumberId = ContractNumbers.QrId, At = DateTime.UtcNow, ToState = "OPEN", Source = StatusChangeSource.Event });
            await db.SaveChangesAsync();
        }

        var tab = Render<NumberTimelineTab>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        tab.WaitForAssertion(() => Assert.Contains("No state change recorded yet", tab.Markup));
    }

    [Fact]
    public void The_detail_panel_has_a_Timeline_tab()
    {
        Api.Numbers.Add(ContractNumbers.Qr());
        Api.Details[ContractNumbers.QrId] = ContractNumbers.Found(ContractNumbers.QrDetail());

        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        panel.WaitForAssertion(() => Assert.Contains(panel.FindAll(".mud-tab"), t => t.TextContent.Trim() == "Timeline"));
    }

    [Fact]
    public async Task A_disconnect_of_a_connected_number_is_shown_to_a_Support_operator_who_can_see_its_customer_only()
    {
        await SignInAsSupportOfAsync(ContractNumbers.QrId);
        Render<DisconnectNotifications>();
        var snackbar = Services.GetRequiredService<ISnackbar>();
        States.Observe(ContractNumbers.QrId, NumberState.Open, true, StatusChangeSource.Poll, null);
        States.Observe("not-my-customers", NumberState.Open, true, StatusChangeSource.Poll, null);

        States.Observe("not-my-customers", NumberState.Closed, false, StatusChangeSource.Event, "number.disconnected");
        States.Observe(ContractNumbers.QrId, NumberState.Closed, false, StatusChangeSource.Event, "number.disconnected");

        await Task.Yield();
        var shown = Assert.Single(snackbar.ShownSnackbars);
        Assert.Contains("disconnected from WhatsApp", shown.Message);
        Assert.Equal(Severity.Warning, shown.Severity);
    }
}
