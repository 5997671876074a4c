using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>Setting up the authenticator app, and the sign-in step that asks for its code.</summary>
public sealed class TwoFactorPages(IPage page)
{
    public async Task<string> ExpectEnrolmentAsync()
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Manage/EnableAuthenticator"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up an authenticator app" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        return await page.GetByTestId("shared-key").InnerTextAsync();
    }

    /// <summary>Types the code the app would show and returns the recovery codes the page then shows once.</summary>
    public async Task<IReadOnlyList<string>> EnrolAsync(string code)
    {
        await page.GetByLabel("Code from the app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        var codes = page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        return await codes.AllInnerTextsAsync();
    }

    public async Task SignInWithCodeAsync(string code)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Code from your authenticator app" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Authenticator code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
