using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class SignInTests() : DashboardSession(WithAdministrator())
{
    [Fact]
    public async Task A_deep_link_survives_signing_in()
    {
        await Page.GotoAsync("/customers");

        var signIn = new SignInPage(Page);
        await signIn.ExpectShownAsync();
        await signIn.SignInAsync(AdminEmail, AdminPassword);

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/customers$"));
        await new ShellPage(Page).ExpectShownAsync("Customers");
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_five_minutes()
    {
        await Page.GotoAsync("/Account/Login");
        var signIn = new SignInPage(Page);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await signIn.SignInAsync(AdminEmail, $"wrong password number {attempt}");
        }

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Account/Lockout$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked for 5 minutes");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/Account/Login");
        await signIn.SignInAsync(AdminEmail, AdminPassword);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Account/Lockout$"));
    }

    [Fact]
    public async Task The_language_picked_on_the_sign_in_page_is_remembered()
    {
        await Page.GotoAsync("/Account/Login");

        await Page.GetByRole(AriaRole.Link, new() { Name = "português (Brasil)" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Entrar" })).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Entrar" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }
}
