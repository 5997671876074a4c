using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>The numbers list.</summary>
public sealed class NumbersPage(IPage page)
{
    public ILocator Rows => page.Locator("table.mud-table-root tbody tr, .numbers-table tbody tr");

    public ILocator Search => page.GetByLabel("Search");

    public ILocator StateCount(string state) => page.GetByRole(AriaRole.Group, new() { Name = "Filter by state" })
        .GetByRole(AriaRole.Button, new() { NameRegex = new Regex($@"\d+ {state}$") });

    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync("/numbers" + query);
        await ExpectShownAsync();
    }

    public async Task ExpectShownAsync()
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Numbers", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Rows.First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>Types into the search box; the first keystrokes may land before the circuit is up, so it retypes until the URL follows.</summary>
    public async Task SearchAsync(string text)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Search.FillAsync(text);
            try
            {
                await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q="), new() { Timeout = 1000 });
                return;
            }
            catch (PlaywrightException)
            {
            }
        }

        throw new TimeoutException($"The search for '{text}' never reached the URL.");
    }

    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });
}
