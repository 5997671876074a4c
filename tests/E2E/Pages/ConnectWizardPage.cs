using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>The connect wizard, in the Reconnect dialog or on its own page (<c>/numbers/{id}/connect</c>).</summary>
public sealed class ConnectWizardPage(IPage page)
{
    private ILocator Root => page.Locator(".connect-wizard");

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator GetCode => Root.GetByRole(AriaRole.Button, new() { Name = "Get a code" });

    public ILocator ShowCode => Root.GetByRole(AriaRole.Button, new() { Name = "Show code" });

    public ILocator SimulateScan => Root.GetByRole(AriaRole.Button, new() { Name = "Simulate phone scan" });

    public ILocator Qr => Root.GetByRole(AriaRole.Img, new() { Name = "QR code to scan with WhatsApp" });

    public ILocator PairingCode => Root.Locator("[data-testid=pairing-code]");

    public ILocator Counter(int code, int of) => Root.GetByText($"Code {code} of {of}", new() { Exact = true });

    /// <summary>The counter of any code after the first one.</summary>
    public ILocator LaterCounter => Root.GetByText(new System.Text.RegularExpressions.Regex("^Code [2-6] of 6$"));

    public ILocator Connected => Root.GetByText("Connected. The number is ready to send messages.");

    /// <summary>The dialog's Close button at the bottom (the wizard inside it is disposed with the dialog).</summary>
    public ILocator CloseDialog => Dialog.Locator(".mud-dialog-actions").GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true });

    public ILocator AlreadyConnected => Root.GetByText("This number is already connected, so there is no code to scan. Nothing to do.");

    /// <summary>
    /// Opens the Reconnect dialog from a number's page. The page is server-rendered first, so the button is pressed until
    /// it acts, waiting long enough each time that a press which was only slow does not open a second dialog.
    /// </summary>
    public async Task OpenFromNumberPageAsync()
    {
        var reconnect = page.GetByRole(AriaRole.Button, new() { Name = "Reconnect", Exact = true });
        for (var attempt = 0; attempt < 10 && !await Dialog.IsVisibleAsync(); attempt++)
        {
            await reconnect.ClickAsync();
            try
            {
                await GetCode.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3000 });
            }
            catch (TimeoutException)
            {
            }
        }

        await Assertions.Expect(Dialog).ToHaveCountAsync(1);
        await Assertions.Expect(GetCode).ToBeVisibleAsync();
    }

    /// <summary>
    /// The wizard is drawn before its circuit is up: press until the button acts. A press that did act disables the
    /// button and then removes it, so each press is short and the loop ends as soon as the first code is counted.
    /// </summary>
    public async Task StartAsync()
    {
        var started = Counter(1, 6);
        for (var attempt = 0; attempt < 30 && !await started.IsVisibleAsync(); attempt++)
        {
            try
            {
                await GetCode.ClickAsync(new() { Timeout = 1000 });
                await started.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 1000 });
            }
            catch (TimeoutException)
            {
            }
        }

        await Assertions.Expect(started).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
