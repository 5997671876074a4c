using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page as it is now; serious and critical violations fail the test.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // While a page switches from prerendered to interactive, Blazor's HeadOutlet re-renders and the <title> is
        // briefly absent; check the page as it settles, not in that instant.
        await page.WaitForFunctionAsync("() => document.title.trim().length > 0");
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact}: {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", blocking)}");
    }
}
