using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>The signed-in app: app bar, navigation and the current section.</summary>
public sealed class ShellPage(IPage page)
{
    public ILocator AppBar => page.Locator("header.mud-appbar");

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    public async Task ExpectShownAsync(string sectionHeading)
    {
        await Assertions.Expect(AppBar).ToContainTextAsync("Pilot Status Fleet");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = sectionHeading, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    public async Task SignOutAsync(string operatorName)
    {
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

        // The page is server-rendered first; the menu opens once the interactive circuit is up.
        for (var attempt = 0; attempt < 20 && !await signOut.IsVisibleAsync(); attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = operatorName }).ClickAsync();
            try
            {
                await signOut.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 500 });
            }
            catch (TimeoutException)
            {
            }
        }

        await signOut.ClickAsync();
    }
}
