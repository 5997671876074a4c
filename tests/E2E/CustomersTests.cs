using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class CustomersTests() : DashboardSession(WithAdministrator())
{
    [Fact]
    public async Task An_administrator_creates_a_customer_assigns_numbers_in_bulk_and_finds_it_all_in_the_audit_log()
    {
        await SignInAsAdministratorAsync();

        await Page.GotoAsync("/customers");
        await new ShellPage(Page).ExpectShownAsync("Customers");
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Name").FillAsync("Padaria Estrela");
        await dialog.GetByLabel("External reference (optional)").FillAsync("PE-001");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/customers/\d+$"));
        var customerUrl = Page.Url;
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Padaria Estrela", Level = 1 })).ToBeVisibleAsync();

        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync();
        var chosen = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            chosen.Add((await numbers.Rows.Nth(i).Locator(".id-cell .mono").InnerTextAsync()).Trim());
        }

        var selectionBar = Page.GetByRole(AriaRole.Region, new() { Name = "Selected numbers" });
        await numbers.Rows.Nth(0).Locator("input.row-select").CheckAsync();
        await Assertions.Expect(selectionBar).ToBeVisibleAsync();
        await numbers.Rows.Nth(1).Locator("input.row-select").CheckAsync();
        await Assertions.Expect(selectionBar).ToContainTextAsync("2 selected");
        await selectionBar.GetByRole(AriaRole.Button, new() { Name = "Assign to customer…" }).ClickAsync();
        await dialog.GetByLabel("Customer").ClickAsync();
        // The open MudSelect's list, not the numbers list's own customer filter behind the dialog.
        await Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Padaria Estrela" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("The customer of 2 numbers was changed.")).ToBeVisibleAsync();

        await Page.GotoAsync(customerUrl);
        await Assertions.Expect(numbers.Rows).ToHaveCountAsync(2);
        foreach (var id in chosen)
        {
            await Assertions.Expect(Page.Locator(".numbers-table")).ToContainTextAsync(id);
        }

        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/audit");
        await new ShellPage(Page).ExpectShownAsync("Audit");
        var entries = Page.Locator(".audit-table tbody tr");
        await Assertions.Expect(entries.Filter(new() { HasText = "customer.created" })).ToHaveCountAsync(1);
        await Assertions.Expect(entries.Filter(new() { HasText = "assignments.changed" })).ToHaveCountAsync(1);
        await Assertions.Expect(entries.Filter(new() { HasText = "assignments.changed" })).ToContainTextAsync(chosen[1]);
    }
}
