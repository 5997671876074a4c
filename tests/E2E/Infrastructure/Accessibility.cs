using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

public static class Accessibility
{
    private const string HasTitle = "() => document.title.trim().length > 0";

    /// <summary>Runs axe-core on the page as it is now; serious and critical violations fail the test.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        AxeResult result;
        for (var attempt = 1; ; attempt++)
        {
            // While a page switches from prerendered to interactive, Blazor's HeadOutlet re-renders and the <title> is
            // briefly absent. That instant can fall inside an axe run even after the title was seen, so a missing-title
            // finding on a page that has its title again once the run is over is checked again, up to three times.
            await page.WaitForFunctionAsync(HasTitle);
            result = await page.RunAxe();
            var titleFlicker = result.Violations.Any(v => v.Id == "document-title") && await page.EvaluateAsync<bool>(HasTitle);
            if (!titleFlicker || attempt == 3)
            {
                break;
            }
        }

        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact}: {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", blocking)}");
    }
}
