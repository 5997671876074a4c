using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>The Operators page (administrators): the list, the new-operator dialog and the two-factor requirement.</summary>
public sealed class OperatorsPage(IPage page)
{
    public ILocator Row(string email) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    public async Task OpenAsync()
    {
        await page.GotoAsync("/operators");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Operators", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>Creates a Support operator (the dialog's default role), who may see <paramref name="customers"/>.</summary>
    public async Task CreateAsync(string email, string name, string password, params string[] customers)
    {
        // The button is disabled until the interactive circuit is up; the click waits for it.
        await page.GetByRole(AriaRole.Button, new() { Name = "New operator" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByLabel("Name").FillAsync(name);
        if (customers.Length > 0)
        {
            await dialog.GetByLabel("Customers they may see").ClickAsync();
            foreach (var customer in customers)
            {
                await page.GetByRole(AriaRole.Option, new() { Name = customer }).ClickAsync();
            }

            // A click outside the open list closes it, and leaves the dialog open.
            await dialog.GetByLabel("Email").ClickAsync(new() { Force = true });
            await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        }

        await dialog.GetByLabel("Initial password (optional)").FillAsync(password);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create operator" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(Row(email)).ToBeVisibleAsync();
    }

    public async Task RequireTwoFactorAsync()
    {
        await page.GetByLabel("Require two-factor sign-in for every operator").CheckAsync();
        await Assertions.Expect(page.GetByText("Two-factor sign-in is now required for every operator.")).ToBeVisibleAsync();
    }
}
