using Bunit;
using Dashboard.Browser;
using Dashboard.Components.Pages.Webhooks;
using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Webhooks;
using Dashboard.Core.Webhooks;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Webhooks;

public sealed class WebhooksTabTests : OneNumberTestContext
{
    public WebhooksTabTests() => Services.AddTransient<NumberWebhooks>();

    private Webhook AddHook(string id, string name, bool active, params string[] events)
    {
        var hook = new Webhook(id, name, $"https://{id}.example.com/hook", active, events, "LIVE", [NumberId],
            DateTimeOffset.Parse("2026-11-20T10:00:00Z"), null, null);
        Api.Webhooks.Add((NumberId, hook));
        return hook;
    }

    [Fact]
    public void The_tab_lists_name_url_state_events_and_last_trigger_and_an_administrator_may_change_them()
    {
        AddHook("crm", "CRM", active: true, WebhookEvents.MessageDelivered, WebhookEvents.MessageRead);
        AddHook("all", "Everything", active: false, WebhookEvents.All);

        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("tbody tr").Count));
        var crm = tab.FindAll("tbody tr")[0].TextContent;
        Assert.Contains("CRM", crm);
        Assert.Contains("https://crm.example.com/hook", crm);
        Assert.Contains("Active", crm);
        Assert.Contains("message.delivered, message.read", crm);
        Assert.Contains(tab.FindAll("time"), t => t.GetAttribute("title") == "2026-11-20 10:00:00 UTC");
        var all = tab.FindAll("tbody tr")[1].TextContent;
        Assert.Contains("Paused", all);
        Assert.Contains("All events (*)", all);
        Assert.Contains("Resume", all);
        Assert.Contains(tab.FindAll("button"), b => b.TextContent.Contains("Add webhook"));
        Assert.Contains(tab.FindAll("button"), b => b.TextContent.Trim() == "Delete");
    }

    [Fact]
    public async Task Support_sees_the_webhooks_of_their_customers_number_without_any_button_that_changes_them()
    {
        AddHook("crm", "CRM", active: true, WebhookEvents.MessageDelivered);
        var customer = await Database.AddCustomerAsync("Padaria Estrela");
        await Database.AssignAsync(NumberId, customer);
        await using (var db = Database.CreateDbContext())
        {
            db.Users.Add(new Operator { Id = "operator-1", UserName = "ana@example.com", Email = "ana@example.com", DisplayName = "Ana", CreatedAt = DateTime.UtcNow });
            db.OperatorCustomers.Add(new OperatorCustomer { OperatorId = "operator-1", CustomerId = customer });
            await db.SaveChangesAsync();
        }

        SignIn(OperatorRoles.Support);

        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));

        tab.WaitForAssertion(() => Assert.Contains("CRM", tab.Find("tbody tr").TextContent));
        var buttons = tab.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Delivery log"], buttons);
    }

    [Fact]
    public void A_secret_in_a_customers_webhook_address_never_reaches_the_screen()
    {
        Api.Webhooks.Add((NumberId, new Webhook("crm", "CRM", "https://bot:hunter2@crm.example.com/hook?token=s3cr3t", true, [WebhookEvents.MessageDelivered],
            "LIVE", [NumberId], DateTimeOffset.Parse("2026-11-20T10:00:00Z"), null, null)));

        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));

        tab.WaitForAssertion(() => Assert.Contains("https://***@crm.example.com/hook?token=***", tab.Find("tbody tr").TextContent));
        Assert.DoesNotContain("s3cr3t", tab.Markup);
        Assert.DoesNotContain("hunter2", tab.Markup);
    }

    [Fact]
    public void Support_without_the_numbers_customer_is_told_the_number_is_not_found()
    {
        AddHook("crm", "CRM", active: true);
        SignIn(OperatorRoles.Support);

        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));

        tab.WaitForAssertion(() => Assert.Contains(NumberFleet.NotFound.Message, tab.Find("[role=alert]").TextContent));
        Assert.Empty(tab.FindAll("tbody tr"));
    }

    [Fact]
    public void A_webhook_is_added_with_the_picked_events_after_warning_that_an_empty_list_delivers_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));
        tab.WaitForAssertion(() => Assert.Contains("This number has no webhooks", tab.Markup));

        tab.FindAll("button").Single(b => b.TextContent.Contains("Add webhook")).Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Saving replaces the whole list of events", dialogs.Markup));
        Assert.Contains("With no events ticked this webhook delivers nothing.", dialogs.Markup);
        Assert.Contains("Health events arrive only with the \"*\" (all events) subscription", dialogs.Markup);
        Assert.Contains("Outbound status", dialogs.Markup);
        var fields = dialogs.FindAll("input:not([type=checkbox])");
        fields[0].Input("CRM");
        dialogs.FindAll("input:not([type=checkbox])")[1].Input("https://crm.example.com/hook");
        CheckBox(dialogs, "message.delivered").Change(true);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("delivers nothing", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("tbody tr")));
        var (numberId, hook) = Assert.Single(Api.Webhooks);
        Assert.Equal((NumberId, "CRM", "https://crm.example.com/hook"), (numberId, hook.Name, hook.Url));
        Assert.Equal([WebhookEvents.MessageDelivered], hook.Events);
        Assert.Equal(AuditActions.WebhookCreated, Assert.Single(Audit()));
    }

    [Fact]
    public void Editing_sends_the_whole_new_events_list_so_unticking_an_event_removes_it()
    {
        AddHook("crm", "CRM", active: true, WebhookEvents.MessageDelivered, WebhookEvents.MessageRead);
        var dialogs = Render<MudDialogProvider>();
        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));
        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("tbody tr")));

        tab.FindAll("button").Single(b => b.TextContent.Trim() == "Edit").Click();
        dialogs.WaitForAssertion(() => Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)CheckBox(dialogs, "message.read")).IsChecked));
        CheckBox(dialogs, "message.read").Change(false);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        tab.WaitForAssertion(() => Assert.Equal([WebhookEvents.MessageDelivered], Assert.Single(Api.Webhooks).Webhook.Events));
        Assert.Equal("CRM", Api.Webhooks[0].Webhook.Name);
    }

    [Fact]
    public void Pause_stops_deliveries_and_the_row_says_paused()
    {
        AddHook("crm", "CRM", active: true, WebhookEvents.MessageDelivered);
        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));
        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("tbody tr")));

        tab.FindAll("button").Single(b => b.TextContent.Trim() == "Pause").Click();

        tab.WaitForAssertion(() => Assert.Contains("Paused", tab.Find("tbody tr").TextContent));
        Assert.False(Api.Webhooks[0].Webhook.Active);
    }

    [Fact]
    public void Delete_asks_first_and_only_deletes_once_confirmed()
    {
        AddHook("crm", "CRM", active: true);
        var dialogs = Render<MudDialogProvider>();
        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));
        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("tbody tr")));

        tab.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("This cannot be undone.", dialogs.Markup));
        Assert.Single(Api.Webhooks);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        tab.WaitForAssertion(() => Assert.Contains("This number has no webhooks", tab.Markup));
        Assert.Empty(Api.Webhooks);
        Assert.Equal(AuditActions.WebhookDeleted, Assert.Single(Audit()));
    }

    [Fact]
    public void The_delivery_log_shows_event_outcome_status_and_duration_with_payload_and_response_inside()
    {
        AddHook("crm", "CRM", active: true, WebhookEvents.MessageDelivered);
        Api.WebhookLogs["crm"] =
        [
            new WebhookDelivery("l1", "message.delivered", "FAILED", 500, """{"event":"message.delivered"}""", "upstream broke",
                TimeSpan.FromMilliseconds(812), DateTimeOffset.Parse("2026-11-20T10:00:00Z")),
            new WebhookDelivery("l2", "message.sent", "SUCCESS", 200, "{}", "ok", TimeSpan.FromMilliseconds(35), DateTimeOffset.Parse("2026-11-20T09:59:00Z")),
        ];
        var tab = Render<NumberWebhooksTab>(p => p.Add(x => x.NumberId, NumberId));
        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("tbody tr")));

        tab.FindAll("button").Single(b => b.TextContent.Trim() == "Delivery log").Click();

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll(".delivery-summary").Count));
        var failed = tab.FindAll(".delivery-summary")[0].TextContent;
        Assert.Contains("Failure", failed);
        Assert.Contains("message.delivered", failed);
        Assert.Contains("HTTP 500", failed);
        Assert.Contains("812 ms", failed);
        Assert.Contains("Success", tab.FindAll(".delivery-summary")[1].TextContent);
        tab.FindAll(".mud-expand-panel-header")[0].Click();
        tab.WaitForAssertion(() => Assert.Contains(tab.FindAll("pre.delivery-body"), p => p.TextContent == "upstream broke"));
        Assert.Contains(tab.FindAll("pre.delivery-body"), p => p.TextContent == """{"event":"message.delivered"}""");
    }

    private static AngleSharp.Dom.IElement CheckBox(IRenderedComponent<MudDialogProvider> dialogs, string label) =>
        dialogs.FindAll("label.mud-checkbox").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!;

    private List<string> Audit()
    {
        using var db = Database.CreateDbContext();
        return db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToList();
    }
}
