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
        // Prerendering leaves Pilot Status to the circuit: the rows come once it is up and has read the list.
        await Assertions.Expect(Rows.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>Types into the search box once it is enabled (the circuit is up); the list's address follows.</summary>
    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q="));
    }

    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });
}
