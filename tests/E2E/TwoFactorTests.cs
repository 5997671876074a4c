using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class TwoFactorTests() : DashboardSession(WithAdministrator())
{
    private const string SupportEmail = "bia@example.com";
    private const string SupportPassword = "bia's support passphrase";

    [Fact]
    public async Task An_operator_required_to_use_two_factor_enrols_with_an_authenticator_and_signs_in_with_its_code()
    {
        await Page.GotoAsync("/operators");
        await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
        var operators = new OperatorsPage(Page);
        await operators.OpenAsync();
        await operators.CreateAsync(SupportEmail, "Bia Support", SupportPassword);
        await Assertions.Expect(operators.Row(SupportEmail)).ToContainTextAsync("Support");
        await operators.RequireTwoFactorAsync();

        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(SupportEmail, SupportPassword);

        var twoFactor = new TwoFactorPages(Page);
        var sharedKey = await twoFactor.ExpectEnrolmentAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("An administrator requires two-factor sign-in.");

        // The step before the current one: the sign-in below types the current step's code, as a person would a moment later.
        await twoFactor.EnrolAsync(Totp.Code(sharedKey, stepOffset: -1));
        await Page.GotoAsync("/numbers");
        await new ShellPage(Page).ExpectShownAsync("Numbers");

        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/numbers");
        await new SignInPage(Page).SignInAsync(SupportEmail, SupportPassword);
        await twoFactor.SignInWithCodeAsync(Totp.Code(sharedKey));

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/numbers$"));
        await new ShellPage(Page).ExpectShownAsync("Numbers");
    }
}
