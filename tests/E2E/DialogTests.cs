using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>Form dialogs open clean with the cursor in their first field, check on submit, and close with Escape.</summary>
public sealed class DialogTests() : DashboardSession(WithAdministrator())
{
    [Fact]
    public async Task Form_dialogs_open_without_errors_with_focus_in_the_first_field_and_close_with_Escape()
    {
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
        await Page.WaitForURLAsync(new Regex("/numbers"));
        var dialog = Page.GetByRole(AriaRole.Dialog);

        await Page.GotoAsync("/customers");
        await new ShellPage(Page).ExpectShownAsync("Customers");
        await Page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await ExpectOpenedCleanAsync(dialog, dialog.GetByLabel("Name"));
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Enter the customer's name.");
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        await Page.GotoAsync("/operators");
        await new ShellPage(Page).ExpectShownAsync("Operators");
        await Page.GetByRole(AriaRole.Button, new() { Name = "New operator" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await ExpectOpenedCleanAsync(dialog, dialog.GetByLabel("Email"));
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync();
        await new AddNumberDialogPage(Page).OpenAsync();
        await ExpectOpenedCleanAsync(dialog, dialog.GetByLabel("Name"));
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    private static async Task ExpectOpenedCleanAsync(ILocator dialog, ILocator firstField)
    {
        await Assertions.Expect(firstField).ToBeFocusedAsync();
        await Assertions.Expect(dialog.Locator(".mud-input-error")).ToHaveCountAsync(0);
        await Assertions.Expect(dialog).Not.ToContainTextAsync("Required");
    }
}
