using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>A fresh installation, as a person meets it after the README's first command.</summary>
public sealed class FirstRunTests() : DashboardSession()
{
    [Fact]
    public async Task Set_up_then_sign_out_fail_with_a_wrong_password_and_sign_in_to_the_shell()
    {
        await Page.GotoAsync("/");
        var setup = new SetupPage(Page);
        await setup.ExpectShownAsync();

        await setup.CreateAdministratorAsync("Ana Admin", AdminEmail, AdminPassword);
        var shell = new ShellPage(Page);
        await shell.ExpectShownAsync("Numbers");
        await Assertions.Expect(shell.AppBar).ToContainTextAsync("Sandbox");
        await Assertions.Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Operators" })).ToBeVisibleAsync();

        await shell.SignOutAsync("Ana Admin");
        var signIn = new SignInPage(Page);
        await signIn.ExpectShownAsync();
        await Assertions.Expect(signIn.Status).ToContainTextAsync("You have signed out.");

        await signIn.SignInAsync(AdminEmail, "this is not my password");
        await Assertions.Expect(signIn.Error).ToContainTextAsync("The email or password is not right");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await signIn.SignInAsync(AdminEmail, AdminPassword);
        await shell.ExpectShownAsync("Numbers");

        var response = await Page.GotoAsync("/setup");
        Assert.Equal(404, response!.Status);
    }
}
