using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>The numbers list's "Add number" dialog, including its "Send a connection link" choice.</summary>
public sealed class AddNumberDialogPage(IPage page)
{
    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator SendLinkChoice => Dialog.GetByRole(AriaRole.Radio, new() { Name = "Send a connection link" });

    public ILocator CreateLink => Dialog.GetByRole(AriaRole.Button, new() { Name = "Create link" });

    public ILocator Link => Dialog.Locator("[data-testid=pairing-link]");

    public ILocator LinkQr => Dialog.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^QR code of the connection link") });

    public ILocator MaskedNumber => Dialog.Locator("[data-testid=masked-number]");

    public ILocator Done => Dialog.GetByRole(AriaRole.Button, new() { Name = "Done" });

    /// <summary>Opens the dialog from the numbers list with one press, once the button is enabled.</summary>
    public async Task OpenAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(1);
    }

    public async Task CreateLinkAsync(string name, string phone)
    {
        await Dialog.GetByLabel("Name").FillAsync(name);
        await Dialog.GetByLabel("Phone").FillAsync(phone);
        await SendLinkChoice.CheckAsync();
        await CreateLink.ClickAsync();
    }
}
