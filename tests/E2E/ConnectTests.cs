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
        settings["Connect:PollInterval"] = PollInterval.ToString();
        return settings;
    }

    [Fact]
    public async Task A_disconnected_number_is_reconnected_from_its_page_and_the_list_shows_it_connected()
    {
        const string name = "Clínica Sorriso · Vendas";
        await SignInAsAdministratorAsync();
        var detail = new NumberDetailPage(Page);
        await detail.OpenFromListAsync(name);

        var wizard = new ConnectWizardPage(Page);
        await wizard.OpenFromNumberPageAsync();
        await Assertions.Expect(wizard.Dialog.GetByText("Link a device")).ToBeVisibleAsync();
        await wizard.StartAsync();

        await Assertions.Expect(wizard.Qr).ToHaveCountAsync(0);
        await wizard.ShowCode.ClickAsync();
        await Assertions.Expect(wizard.Qr).ToBeVisibleAsync();
        await Assertions.Expect(wizard.PairingCode).ToHaveTextAsync(new Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        var first = await wizard.PairingCode.TextContentAsync();

        // A code is replaced two seconds before its eight run out, and the counter moves on with it. On a slow machine
        // the code read above may already be the second, so wait for the next one, whichever number it has.
        await Assertions.Expect(wizard.PairingCode).Not.ToHaveTextAsync(first!, new() { Timeout = 15_000 });
        await Assertions.Expect(wizard.LaterCounter).ToBeVisibleAsync();
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
        await Page.GetByRole(AriaRole.Button, new() { Name = "Refresh states" }).ClickAsync();
        await Assertions.Expect(row.GetByText("Connected", new() { Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task A_number_that_is_already_connected_says_so_on_the_connect_page()
    {
        const string name = "Padaria Estrela · Vendas";
        await SignInAsAdministratorAsync();
        await Page.GotoAsync($"/numbers?q={Uri.EscapeDataString(name)}");
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");

        await Page.GotoAsync($"/{href}/connect");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Reconnect a number", Level = 1 })).ToBeVisibleAsync();
        var wizard = new ConnectWizardPage(Page);
        await Assertions.Expect(wizard.AlreadyConnected).ToBeVisibleAsync();
        await Assertions.Expect(wizard.GetCode).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task Once_the_wizard_is_closed_Pilot_Status_sees_no_more_status_polling()
    {
        const string status = "GET /v1/numbers/{id}/status";
        using var sandbox = await SandboxControl.ForAsync(Server);
        await SignInAsAdministratorAsync();
        var detail = new NumberDetailPage(Page);
        await detail.OpenFromListAsync("Clínica Sorriso · Vendas");
        var wizard = new ConnectWizardPage(Page);
        await wizard.OpenFromNumberPageAsync();
        await wizard.StartAsync();

        // While a code is on screen the wizard reads /status every PollInterval: the counter moves.
        var whileOpen = await sandbox.RequestsAsync(status);
        await WaitUntilAsync(async () => await sandbox.RequestsAsync(status) >= whileOpen + 2, "the wizard never polled /status while open");

        await wizard.CloseDialog.ClickAsync();
        await Assertions.Expect(wizard.Dialog).ToHaveCountAsync(0);

        // The panel reads the live state once after the wizard closes; after that the counter must stand still. A poll
        // that outlived the wizard would move it at least once in every three intervals, for as long as we watch.
        await WaitUntilStillAsync(() => sandbox.RequestsAsync(status), PollInterval * 3, "Pilot Status was still polled for /status after the wizard closed");
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return;
            }
        }

        Assert.Fail(failure);
    }

    /// <summary>Returns once <paramref name="read"/> has given the same count for <paramref name="still"/>; fails if it keeps moving for 20 s.</summary>
    private static async Task WaitUntilStillAsync(Func<Task<long>> read, TimeSpan still, string failure)
    {
        var last = await read();
        var since = DateTime.UtcNow;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var now = await read();
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - since >= still)
            {
                return;
            }
        }

        Assert.Fail(failure);
    }

    [Fact]
    public async Task A_connection_link_for_a_new_number_is_shown_with_its_QR_code()
    {
        await SignInAsAdministratorAsync();
        await new NumbersPage(Page).OpenAsync();
        var add = new AddNumberDialogPage(Page);
        await add.OpenAsync();

        await add.CreateLinkAsync("Loja Remota · Teste", "(11) 98765-1234");

        await Assertions.Expect(add.Link).ToHaveTextAsync(new Regex("^https://connect\\.pilotstatus\\.com\\.br/connect/[0-9a-f-]{36}$"));
        await Assertions.Expect(add.LinkQr).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await add.LinkQr.GetAttributeAsync("src"));
        Assert.True(await add.LinkQr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 200"), "the link's QR code did not load");
        await Assertions.Expect(add.MaskedNumber).ToHaveTextAsync("+551198****1234");
        await Assertions.Expect(add.Dialog).ToContainTextAsync("Valid for 24 hours, until");
        await Assertions.Expect(add.Dialog.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await add.Done.ClickAsync();
        await Assertions.Expect(add.Dialog).ToHaveCountAsync(0);

        // Pilot Status created the number in CLOSE state: it is listed, disconnected, until the customer uses the link.
        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync($"?q={Uri.EscapeDataString("Loja Remota")}");
        await Assertions.Expect(numbers.Row("Loja Remota · Teste")).ToContainTextAsync("Disconnected");
    }
}
