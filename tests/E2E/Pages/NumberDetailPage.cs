using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>One number's page (<c>/numbers/{id}</c>), reached from the numbers list by its name.</summary>
public sealed class NumberDetailPage(IPage page)
{
    public ILocator NumberId => page.Locator(".number-id");

    public ILocator RemoveDialog => page.GetByRole(AriaRole.Dialog);

    public async Task OpenFromListAsync(string name)
    {
        // Followed by address rather than clicked: a click while the list's circuit starts can land back on the list.
        await page.GotoAsync($"/numbers?q={Uri.EscapeDataString(name)}");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");
        await page.GotoAsync("/" + href);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/numbers/[^/?]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
