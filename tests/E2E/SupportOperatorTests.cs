using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The multi-tenant round trip of issue 7: an administrator sets up a customer and a Support operator for it; the Support
/// operator enrols in two-factor sign-in, sees only that customer's numbers, reconnects one and cannot open another
/// customer's number by its URL; the administrator finds all of it in the audit log.
/// </summary>
public sealed class SupportOperatorTests() : DashboardSession(WithAdministrator())
{
    private const string Customer = "Padaria Estrela";
    private const string SupportEmail = "bia@example.com";
    private const string SupportPassword = "bia's support passphrase";

    [Fact]
    public async Task A_support_operator_sees_and_reconnects_only_their_customers_numbers_and_the_administrator_sees_it_audited()
    {
        // The administrator: a customer with two disconnected QR numbers, and a Support operator for it.
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
        await Page.WaitForURLAsync(new Regex("/numbers"));
        await CreateCustomerAsync();

        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync("?state=disconnected&provider=PILOT_STATUS&sort=name");
        var ours = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            ours.Add((await numbers.Rows.Nth(i).Locator(".id-cell .mono").InnerTextAsync()).Trim());
        }

        var otherCustomersNumber = (await numbers.Rows.Nth(2).Locator(".id-cell .mono").InnerTextAsync()).Trim();
        await AssignSelectedAsync(numbers, rows: 2);

        var operators = new OperatorsPage(Page);
        await operators.OpenAsync();
        await operators.CreateAsync(SupportEmail, "Bia Support", SupportPassword, Customer);
        await Assertions.Expect(operators.Row(SupportEmail)).ToContainTextAsync(Customer);
        await operators.RequireTwoFactorAsync();

        // The Support operator: enrolment first, then only the customer's two numbers.
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(SupportEmail, SupportPassword);
        var twoFactor = new TwoFactorPages(Page);
        var sharedKey = await twoFactor.ExpectEnrolmentAsync();
        await twoFactor.EnrolAsync(Totp.Code(sharedKey));

        await numbers.OpenAsync();
        await Assertions.Expect(numbers.Rows).ToHaveCountAsync(2);
        foreach (var id in ours)
        {
            await Assertions.Expect(Page.Locator(".numbers-table")).ToContainTextAsync(id);
        }

        // Reconnect one of them.
        await Page.GotoAsync($"/numbers/{ours[0]}");
        var wizard = new ConnectWizardPage(Page);
        await wizard.OpenFromNumberPageAsync();
        await wizard.StartAsync();
        await wizard.ShowCode.ClickAsync();
        await Assertions.Expect(wizard.Qr).ToBeVisibleAsync();
        await wizard.SimulateScan.ClickAsync();
        await Assertions.Expect(wizard.Connected).ToBeVisibleAsync();

        // Another customer's number is not found, by its page, its connect page or its messages.
        foreach (var path in new[] { $"/numbers/{otherCustomersNumber}", $"/numbers/{otherCustomersNumber}/connect", $"/numbers/{otherCustomersNumber}/messages" })
        {
            await Page.GotoAsync(path);
            await Assertions.Expect(Page.GetByText(otherCustomersNumber)).ToHaveCountAsync(0);
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Alert).Or(Page.GetByText("Not found, or not one of yours"))).Not.ToHaveCountAsync(0);
        }

        // The administrator reads it all in the audit log.
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);

        // The requirement applies to the administrator who set it, too.
        await twoFactor.EnrolAsync(Totp.Code(await twoFactor.ExpectEnrolmentAsync()));
        await Page.GotoAsync($"/audit?number={ours[0]}");
        await new ShellPage(Page).ExpectShownAsync("Audit");
        var entries = Page.Locator(".audit-table tbody tr");
        await Assertions.Expect(entries.Filter(new() { HasText = "connect.connected" }).Filter(new() { HasText = SupportEmail })).ToHaveCountAsync(1);
        await Page.GotoAsync("/audit");
        foreach (var action in new[] { "customer.created", "assignments.changed", "operator.created", "2fa.enabled" })
        {
            await Assertions.Expect(entries.Filter(new() { HasText = action })).Not.ToHaveCountAsync(0);
        }
    }

    private async Task CreateCustomerAsync()
    {
        await Page.GotoAsync("/customers");
        await new ShellPage(Page).ExpectShownAsync("Customers");
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Name").FillAsync(Customer);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/customers/\d+$"));
    }

    private async Task AssignSelectedAsync(NumbersPage numbers, int rows)
    {
        var selectionBar = Page.GetByRole(AriaRole.Region, new() { Name = "Selected numbers" });
        await numbers.Rows.Nth(0).Locator("input.row-select").CheckAsync();
        await Assertions.Expect(selectionBar).ToBeVisibleAsync();
        for (var i = 1; i < rows; i++)
        {
            await numbers.Rows.Nth(i).Locator("input.row-select").CheckAsync();
        }

        await Assertions.Expect(selectionBar).ToContainTextAsync($"{rows} selected");
        await selectionBar.GetByRole(AriaRole.Button, new() { Name = "Assign to customer…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Customer").ClickAsync();
        // The open MudSelect's list, not the numbers list's own customer filter behind the dialog.
        await Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = Customer }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText($"The customer of {rows} numbers was changed.")).ToBeVisibleAsync();
    }
}
