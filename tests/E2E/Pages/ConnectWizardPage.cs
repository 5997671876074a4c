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

    // "QR code to connect +55 11 …" once the number is known, "QR code to scan with WhatsApp" otherwise.
    public ILocator Qr => Root.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^QR code to (connect|scan)") });

    public ILocator PairingCode => Root.Locator("[data-testid=pairing-code]");

    public ILocator Counter(int code, int of) => Root.GetByText($"Code {code} of {of}", new() { Exact = true });

    /// <summary>The counter of any code after the first one.</summary>
    public ILocator LaterCounter => Root.GetByText(new System.Text.RegularExpressions.Regex("^Code [2-6] of 6$"));

    public ILocator Connected => Root.GetByText("Connected. The number is ready to send messages.");

    /// <summary>The dialog's Close button at the bottom (the wizard inside it is disposed with the dialog).</summary>
    public ILocator CloseDialog => Dialog.Locator(".mud-dialog-actions").GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true });

    public ILocator AlreadyConnected => Root.GetByText("This number is already connected, so there is no code to scan. Nothing to do.");

    /// <summary>Opens the Reconnect dialog from a number's page with one press, once the button is enabled.</summary>
    public async Task OpenFromNumberPageAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconnect", Exact = true }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(1);
        await Assertions.Expect(GetCode).ToBeVisibleAsync();
    }

    /// <summary>Asks for the first code with one press, once the button is enabled.</summary>
    public async Task StartAsync()
    {
        await GetCode.ClickAsync();
        await Assertions.Expect(Counter(1, 6)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
