using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>The signed-in app: app bar, navigation and the current section.</summary>
public sealed class ShellPage(IPage page)
{
    public ILocator AppBar => page.Locator("header.mud-appbar");

    public ILocator OperatorMenu(string operatorName) => AppBar.GetByRole(AriaRole.Button, new() { Name = operatorName, Exact = true });

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    public async Task ExpectShownAsync(string sectionHeading)
    {
        await Assertions.Expect(AppBar).ToContainTextAsync("Pilot Status Fleet");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = sectionHeading, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    public async Task SignOutAsync(string operatorName)
    {
        // The menu's button is enabled once the interactive circuit is up; one press opens it.
        await OperatorMenu(operatorName).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
    }
}
