using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

public static class Accessibility
{
    private const string HasTitle = "() => document.title.trim().length > 0";

    // The app follows the browser's light/dark setting unless the operator chose one (MainLayout's data-theme); the
    // static account pages follow it in CSS. Pages are checked as they work, once the circuit is up (until then their
    // controls are disabled, which WCAG exempts), and colours once nothing is fading or sliding in: axe reads colours as
    // drawn, so a snackbar half-way through its fade-in reads as a contrast failure. Endless animations (spinners) never
    // finish and are not waited for.
    private const string ShowsScheme = """
        dark => {
            const layout = document.querySelector('.mud-layout[data-theme]');
            const applied = !layout || layout.dataset.themeSource !== 'system' || layout.dataset.theme === (dark ? 'dark' : 'light');
            const interactive = !document.querySelector('main[aria-busy="true"]');
            return applied && interactive && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
        }
        """;

    // Moderate findings that fail too, since every page has been rid of them: landmarks, headings and scrollable boxes.
    private static readonly HashSet<string> EnforcedModerate =
        ["landmark-one-main", "region", "heading-order", "scrollable-region-focusable"];

    /// <summary>
    /// Runs axe-core on the page as it is now, in the browser's light and then dark colour scheme (restoring the one it
    /// had); serious and critical violations fail the test, and the moderate ones named above.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var wasDark = await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches");
        var blocking = new List<string>();
        foreach (var dark in new[] { wasDark, !wasDark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
            await page.WaitForFunctionAsync(ShowsScheme, dark);
            var result = await RunAxeAsync(page);
            blocking.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical" || EnforcedModerate.Contains(v.Id))
                .Select(v => $"{(dark ? "dark" : "light")} {v.Impact}: {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"
                    + $" - {string.Join("; ", v.Nodes.FirstOrDefault()?.Any.Select(c => c.Message) ?? [])}"));
        }

        await page.EmulateMediaAsync(new() { ColorScheme = wasDark ? ColorScheme.Dark : ColorScheme.Light });
        await page.WaitForFunctionAsync(ShowsScheme, wasDark);
        Assert.True(blocking.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", blocking)}");
    }

    private static async Task<AxeResult> RunAxeAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            // While a page switches from prerendered to interactive, Blazor's HeadOutlet re-renders and the <title> is
            // briefly absent. That instant can fall inside an axe run even after the title was seen, so a missing-title
            // finding on a page that has its title again once the run is over is checked again, up to three times.
            await page.WaitForFunctionAsync(HasTitle);
            var result = await page.RunAxe();
            var titleFlicker = result.Violations.Any(v => v.Id == "document-title") && await page.EvaluateAsync<bool>(HasTitle);
            if (!titleFlicker || attempt == 3)
            {
                return result;
            }
        }
    }
}
