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

    public ILocator Connected => Root.GetByText("Connected. The number is ready to send messages.");

    public ILocator AlreadyConnected => Root.GetByText("This number is already connected, so there is no code to scan. Nothing to do.");

    /// <summary>The wizard is drawn before its circuit is up: press until the button acts.</summary>
    public async Task StartAsync()
    {
        await new NumberDetailPage(page).ClickUntilAsync(GetCode, Counter(1, 6));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
