using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// The main screens on a phone and on desktop screens: the page never scrolls sideways and the controls that matter
/// are on screen; axe (light and dark) runs at each size.
/// </summary>
public sealed class ScreenSizeTests() : DashboardSession(WithAdministrator())
{
    private const string Disconnected = "Clínica Sorriso · Vendas";

    public static TheoryData<int, int> Sizes() => new()
    {
        { Viewport.Phone.Width, Viewport.Phone.Height },
        { Viewport.SmallPhone.Width, Viewport.SmallPhone.Height },
        { Viewport.Laptop.Width, Viewport.Laptop.Height },
        { Viewport.Desktop.Width, Viewport.Desktop.Height },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_main_screens_fit_the_window_and_keep_their_controls_on_screen(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
        await Page.WaitForURLAsync(new Regex("/numbers"));
        var shell = new ShellPage(Page);
        var numbers = new NumbersPage(Page);

        // The list: the State column, Export CSV and the operator's menu with Sign out.
        await numbers.ExpectShownAsync();
        await Viewport.AssertNoHorizontalScrollAsync(Page);
        await Viewport.ExpectOnScreenAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }));
        await Viewport.AssertFitsAcrossAsync(Page.Locator(".numbers-table .mud-table-container"));
        await Viewport.ExpectOnScreenAsync(numbers.Rows.First.Locator(".state-badge"));
        await Viewport.ExpectOnScreenAsync(numbers.Rows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Copy number ID") }));
        await Viewport.ExpectOnScreenAsync(shell.OperatorMenu("ana@example.com"));
        await shell.OperatorMenu("ana@example.com").ClickAsync();
        await Viewport.ExpectOnScreenAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        await Page.Keyboard.PressAsync("Escape");

        // The detail panel beside the list, with its close button and the Number ID's copy button.
        await numbers.Row(Disconnected).GetByRole(AriaRole.Link, new() { Name = Disconnected, Exact = true }).ClickAsync();
        var panel = Page.Locator(".mud-drawer").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = Disconnected }) });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Viewport.AssertNoHorizontalScrollAsync(Page);
        await Viewport.ExpectOnScreenAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Close the number detail" }));
        await Viewport.ExpectOnScreenAsync(panel.GetByRole(AriaRole.Button, new() { Name = "Copy number ID" }));
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close the number detail" }).ClickAsync();
        await Assertions.Expect(panel).ToHaveCountAsync(0);

        // The connect wizard, in the Reconnect dialog on the number's page, with its Close button.
        var detail = new NumberDetailPage(Page);
        await detail.OpenFromListAsync(Disconnected);
        await Viewport.AssertNoHorizontalScrollAsync(Page);
        await Viewport.ExpectOnScreenAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Copy number ID" }));
        var wizard = new ConnectWizardPage(Page);
        await wizard.OpenFromNumberPageAsync();
        await wizard.StartAsync();
        await wizard.ShowCode.ClickAsync();
        await Assertions.Expect(wizard.Qr).ToBeVisibleAsync();
        await Viewport.AssertNoHorizontalScrollAsync(Page);
        await Viewport.ExpectOnScreenAsync(wizard.Qr);
        await Viewport.ExpectOnScreenAsync(wizard.CloseDialog);
        await wizard.CloseDialog.ClickAsync();
        await Assertions.Expect(wizard.Dialog).ToHaveCountAsync(0);

        foreach (var (path, heading) in new[]
                 {
                     ("/customers", "Customers"), ("/operators", "Operators"), ("/audit", "Audit"), ("/messages", "Messages"),
                 })
        {
            await Page.GotoAsync(path);
            await shell.ExpectShownAsync(heading);
            await Viewport.AssertNoHorizontalScrollAsync(Page);
            await Viewport.ExpectOnScreenAsync(shell.OperatorMenu("ana@example.com"));
        }
    }
}
