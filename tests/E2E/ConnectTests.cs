using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>The connect wizard against the sandbox, with code lifetimes short enough to watch a code being replaced.</summary>
public sealed class ConnectTests() : DashboardSession(Settings())
{
    private static Dictionary<string, string> Settings()
    {
        var settings = WithAdministrator();
        settings["PilotStatus:Sandbox:FirstCodeLifetime"] = "00:00:08";
        settings["PilotStatus:Sandbox:NextCodeLifetime"] = "00:00:08";
        settings["Connect:FirstCodeLifetime"] = "00:00:08";
        settings["Connect:NextCodeLifetime"] = "00:00:08";
        settings["Connect:RefreshMargin"] = "00:00:02";
        return settings;
    }

    [Fact]
    public async Task A_disconnected_number_is_reconnected_from_its_page_and_the_list_shows_it_connected()
    {
        const string name = "Clínica Sorriso · Vendas";
        await SignInAsync();
        var detail = new NumberDetailPage(Page);
        await detail.OpenFromListAsync(name);

        var wizard = new ConnectWizardPage(Page);
        await detail.ClickUntilAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Reconnect", Exact = true }), wizard.GetCode);
        await Assertions.Expect(wizard.Dialog.GetByText("Link a device")).ToBeVisibleAsync();
        await wizard.StartAsync();

        await Assertions.Expect(wizard.Qr).ToHaveCountAsync(0);
        await wizard.ShowCode.ClickAsync();
        await Assertions.Expect(wizard.Qr).ToBeVisibleAsync();
        await Assertions.Expect(wizard.PairingCode).ToHaveTextAsync(new Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        var first = await wizard.PairingCode.TextContentAsync();

        // The first code is replaced two seconds before its eight run out.
        await Assertions.Expect(wizard.Counter(2, 6)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(wizard.PairingCode).Not.ToHaveTextAsync(first!);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await wizard.SimulateScan.ClickAsync();
        await Assertions.Expect(wizard.Connected).ToBeVisibleAsync();
        await Assertions.Expect(wizard.Qr).ToHaveCountAsync(0);
        await Assertions.Expect(wizard.PairingCode).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await wizard.Dialog.GetByRole(AriaRole.Button, new() { Name = "Back to the number" }).ClickAsync();
        await Assertions.Expect(wizard.Dialog).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByText("Live: Connected")).ToBeVisibleAsync();

        // The list's own state lags behind (the API says so); "Refresh states" reads the live one.
        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync($"?q={Uri.EscapeDataString(name)}");
        var row = numbers.Row(name);
        await detail.ClickUntilAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Refresh states" }), row.GetByText("Connected", new() { Exact = true }));
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task A_number_that_is_already_connected_says_so_on_the_connect_page()
    {
        const string name = "Padaria Estrela · Vendas";
        await SignInAsync();
        await Page.GotoAsync($"/numbers?q={Uri.EscapeDataString(name)}");
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");

        await Page.GotoAsync($"/{href}/connect");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Reconnect a number", Level = 1 })).ToBeVisibleAsync();
        var wizard = new ConnectWizardPage(Page);
        await Assertions.Expect(wizard.AlreadyConnected).ToBeVisibleAsync();
        await Assertions.Expect(wizard.GetCode).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    private async Task SignInAsync()
    {
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
        await new ShellPage(Page).ExpectShownAsync("Numbers");
    }
}
