using Bunit;
using Dashboard.Components.Pages.Audit;
using Dashboard.Components.Pages.Customers;
using Dashboard.Components.Pages.Numbers;
using Dashboard.Core.Audit;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Numbers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Customers;

public sealed class CustomerScreensTests : NumberComponentTestContext
{
    public CustomerScreensTests()
    {
        Services.AddSingleton<MetaQuality>();
        Services.AddTransient<StateRefresh>();
        Services.AddSingleton<AuditTrail>();
        Api.Numbers.AddRange(
        [
            ContractNumbers.Qr("num_a", "+5511900000001"),
            ContractNumbers.Qr("num_b", "+5511900000002") with { Name = "Entregas", State = NumberState.Closed },
            ContractNumbers.Qr("num_c", "+5511900000003") with { Name = "Caixa" },
        ]);
    }

    [Fact]
    public async Task The_customers_page_lists_each_customer_with_its_numbers_and_those_not_connected()
    {
        var padaria = await Database.AddCustomerAsync("Padaria Estrela");
        await Database.AddCustomerAsync("Clínica Sorriso");
        await Database.AssignAsync("num_a", padaria);
        await Database.AssignAsync("num_b", padaria);

        var page = Render<CustomersPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        var row = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Padaria Estrela"));
        Assert.Equal(["2", "1"], row.QuerySelectorAll("td").Skip(3).Select(td => td.TextContent.Trim()));
        Assert.Equal($"customers/{padaria}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("New customer"));
    }

    [Fact]
    public async Task A_new_customer_is_created_in_a_dialog_and_opened()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Contains("No customers yet", page.Markup));

        page.FindAll("button").Single(b => b.TextContent.Contains("New customer")).Click();
        dialogs.WaitForElement("input").Change("Oficina do Zé");
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Create customer")).Click();

        var created = Assert.Single((await Services.GetRequiredService<Dashboard.Core.Customers.CustomerDirectory>().GetAsync()).CustomerNames);
        Assert.Equal("Oficina do Zé", created.Value);
        page.WaitForAssertion(() => Assert.EndsWith($"customers/{created.Key}", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task Support_sees_no_way_to_create_a_customer_or_change_one()
    {
        await SignInAsSupportOfAsync("num_a");
        var customerId = (await Database.AssignmentsAsync()).Single().CustomerId;

        var list = Render<CustomersPage>();
        var customer = Render<CustomerPage>(p => p.Add(x => x.Id, customerId));

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tbody tr")));
        customer.WaitForAssertion(() => Assert.Single(customer.FindAll("tbody tr")));
        Assert.DoesNotContain("New customer", list.Markup);
        Assert.DoesNotContain(customer.FindAll("button"), b => b.TextContent.Contains("Edit") || b.TextContent.Contains("Remove") || b.TextContent.Contains("Assign"));
    }

    [Fact]
    public async Task A_customers_number_changes_state_on_its_page_when_Pilot_Status_reports_it()
    {
        var padaria = await Database.AddCustomerAsync("Padaria Estrela");
        await Database.AssignAsync("num_b", padaria);
        var page = Render<CustomerPage>(p => p.Add(x => x.Id, padaria));
        page.WaitForAssertion(() => Assert.Equal("Disconnected", page.Find("tbody .state-badge").TextContent));

        Services.GetRequiredService<Dashboard.Core.LiveUpdates.NumberStateBook>()
            .Observe("num_b", NumberState.Open, ready: true, Dashboard.Core.Numbers.StatusChangeSource.Event, "number.connected");

        page.WaitForAssertion(() => Assert.Equal("Connected", page.Find("tbody .state-badge").TextContent));
    }

    [Fact]
    public async Task The_customer_page_lists_its_numbers_counts_them_by_state_and_shows_those_gone_upstream()
    {
        var padaria = await Database.AddCustomerAsync("Padaria Estrela");
        await Database.AssignAsync("num_a", padaria);
        await Database.AssignAsync("num_b", padaria);
        await Database.AssignAsync("num_vanished", padaria);

        var page = Render<CustomerPage>(p => p.Add(x => x.Id, padaria));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Equal("Padaria Estrela", page.Find("h1").TextContent);
        var counts = System.Text.RegularExpressions.Regex.Replace(page.Find(".state-counts").TextContent, @"\s+", " ");
        Assert.Contains("1 connected", counts);
        Assert.Contains("1 disconnected", counts);
        Assert.DoesNotContain("Caixa", page.Find("tbody").TextContent);
        var gone = page.Find(".gone-numbers li");
        Assert.Contains("num_vanished", gone.TextContent);
        Assert.Contains("no longer in Pilot Status", gone.TextContent);

        gone.QuerySelector("button")!.Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".gone-numbers li")));
        Assert.DoesNotContain(await Database.AssignmentsAsync(), a => a.NumberId == "num_vanished");
    }

    [Fact]
    public async Task Numbers_are_assigned_from_the_customer_page()
    {
        var padaria = await Database.AddCustomerAsync("Padaria Estrela");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<CustomerPage>(p => p.Add(x => x.Id, padaria));
        page.WaitForAssertion(() => Assert.Contains("This customer has no numbers in Pilot Status", page.Markup));

        page.FindAll("button").Single(b => b.TextContent.Contains("Assign numbers")).Click();
        dialogs.WaitForAssertion(() => Assert.Equal(3, dialogs.FindAll(".assign-list li").Count));
        dialogs.FindAll(".assign-list li").Single(li => li.TextContent.Contains("Caixa")).QuerySelector("input")!.Change(true);
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Assign 1 numbers")).Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.Contains("Caixa", page.Find("tbody tr").TextContent);
        Assert.Equal(("num_c", padaria), (await Database.AssignmentsAsync()).Select(a => (a.NumberId, a.CustomerId)).Single());
    }

    [Fact]
    public async Task The_number_detail_changes_the_customer_of_a_number()
    {
        var padaria = await Database.AddCustomerAsync("Padaria Estrela");
        Api.Details["num_c"] = ContractNumbers.Found(ContractNumbers.QrDetail("num_c"));
        var dialogs = Render<MudDialogProvider>();
        var listToldOfIt = 0;
        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, "num_c").Add(x => x.OnCustomerChanged, () => listToldOfIt++));
        panel.WaitForAssertion(() => Assert.Contains("Unassigned", panel.Find("dl.facts").TextContent));

        panel.FindAll("button").Single(b => b.TextContent.Contains("Change customer")).Click();
        dialogs.WaitForState(() => dialogs.FindComponents<MudSelect<int?>>().Count == 1);
        var select = dialogs.FindComponent<MudSelect<int?>>();
        await select.InvokeAsync(() => select.Instance.SelectOption((int?)padaria));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Assign").Click();

        panel.WaitForAssertion(() => Assert.Contains("Padaria Estrela", panel.Find("dl.facts").TextContent));
        Assert.Equal(padaria, (await Database.AssignmentsAsync()).Single().CustomerId);

        // The list behind the panel reloads, so its row shows the new customer too.
        Assert.Equal(1, listToldOfIt);
    }

    [Fact]
    public async Task Support_sees_the_numbers_customer_but_cannot_change_it()
    {
        Api.Details["num_a"] = ContractNumbers.Found(ContractNumbers.QrDetail("num_a"));
        await SignInAsSupportOfAsync("num_a");
        var support = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, "num_a"));
        support.WaitForAssertion(() => Assert.Contains("Padaria Estrela", support.Find("dl.facts").TextContent));
        Assert.DoesNotContain("Change customer", support.Markup);
    }

    [Fact]
    public void The_selection_bar_offers_assigning_only_when_the_operator_may()
    {
        var allowed = Render<SelectionBar>(p => p.Add(x => x.Selected, ["num_a"]).Add(x => x.CanAssign, true));
        var refused = Render<SelectionBar>(p => p.Add(x => x.Selected, ["num_a"]).Add(x => x.CanAssign, false));

        Assert.Contains(allowed.FindAll("button"), b => b.TextContent.Contains("Assign to customer…"));
        Assert.DoesNotContain("Assign to customer", refused.Markup);
    }

    [Fact]
    public async Task The_audit_page_shows_entries_newest_first_and_filters_by_action()
    {
        var audit = Services.GetRequiredService<AuditLog>();
        var admin = new OperatorScope("operator-1", OperatorRoles.Administrator, null);
        await audit.RecordAsync(admin, new AuditEvent(AuditActions.NumberAdded, NumberId: "num_a"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await audit.RecordAsync(admin, new AuditEvent(AuditActions.CustomerCreated, CustomerId: 7, Detail: "Padaria"));

        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Contains(AuditActions.CustomerCreated, page.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("Customer created", page.FindAll("tbody tr")[0].TextContent);

        Services.GetRequiredService<NavigationManager>().NavigateTo($"audit?action={AuditActions.NumberAdded}");
        var filtered = Render<AuditLogPage>();

        filtered.WaitForAssertion(() => Assert.Single(filtered.FindAll("tbody tr")));
        filtered.WaitForAssertion(() => Assert.NotNull(filtered.Find("tbody tr").QuerySelector("[title=num_a]")));
        Assert.Contains($"action={AuditActions.NumberAdded}", filtered.FindAll("a").Single(a => a.TextContent.Contains("Export CSV")).GetAttribute("href"));
        Assert.DoesNotContain(filtered.FindAll("button"), b => b.TextContent.Contains("Delete") || b.TextContent.Contains("Edit"));
    }
}
