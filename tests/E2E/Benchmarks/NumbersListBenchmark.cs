using System.Diagnostics;
using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Benchmarks;

/// <summary>
/// The numbers list at 10,000 numbers in a real browser. Run on demand with ./bench.sh, never as part of ./test.sh:
/// it prints figures and fails only when the page does not work, not when it is slow.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class NumbersListBenchmark(ITestOutputHelper output) : DashboardSession(new Dictionary<string, string>(WithAdministrator())
{
    ["PilotStatus:Sandbox:FleetSize"] = "10000",
    ["Diagnostics:ExposeMemory"] = "true",
})
{
    private const int Runs = 7;

    [Fact]
    public async Task Numbers_list_at_ten_thousand_numbers()
    {
        await SignInAsync(Page);
        var firstRow = Page.Locator("tbody tr").First;

        // Warm-up: the first visit pays for JIT and the first upstream list call.
        await Page.GotoAsync("/numbers");
        await firstRow.WaitForAsync();

        var firstRowVisible = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await Page.GotoAsync("/numbers?run=" + i, new() { WaitUntil = WaitUntilState.Commit });
            await firstRow.WaitForAsync();
            firstRowVisible.Add(clock.Elapsed.TotalMilliseconds);
        }

        await Page.GotoAsync("/numbers");
        await WaitForInteractiveAsync();
        var changes = new List<double>();
        string[] searches = ["Padaria", "9820", "cmm0", "Sorriso", "(11) 98", "Vendas", "+55 21"];
        foreach (var text in searches)
        {
            changes.Add(await TimeChangeAsync(async () => await Page.GetByLabel("Search").FillAsync(text)));
        }

        var sortAndPage = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            sortAndPage.Add(await TimeChangeAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = i % 2 == 0 ? "Phone" : "Last updated" }).ClickAsync()));
            sortAndPage.Add(await TimeChangeAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync()));
        }

        var perCircuit = await MeasureMemoryPerCircuitAsync();

        Report("Numbers page: navigation to first row visible", firstRowVisible, "target ≤ 1000 ms");
        Report("Numbers page: search typed to table updated (incl. 250 ms debounce)", changes, "target ≤ 150 ms after the debounce");
        Report("Numbers page: sort or page change to table updated", sortAndPage, "target ≤ 150 ms");
        output.WriteLine($"Numbers page: live managed memory added per open circuit: {perCircuit / 1024.0:F0} KiB (target ≤ 1024 KiB)");
    }

    private async Task<double> TimeChangeAsync(Func<Task> change)
    {
        var before = await Page.EvaluateAsync<string>("() => document.querySelector('tbody')?.innerText ?? ''");
        var clock = Stopwatch.StartNew();
        await change();
        await Page.WaitForFunctionAsync("before => (document.querySelector('tbody')?.innerText ?? '') !== before", before,
            new() { PollingInterval = 5 });
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Opens 20 more browser pages on the list (20 circuits) and divides the growth of the live managed heap.</summary>
    private async Task<double> MeasureMemoryPerCircuitAsync()
    {
        const int Circuits = 20;
        var baseline = await HeapBytesAsync();
        var pages = new List<IPage>();
        for (var i = 0; i < Circuits; i++)
        {
            var page = await Page.Context.NewPageAsync();
            await page.GotoAsync("/numbers");
            await page.Locator("tbody tr").First.WaitForAsync();
            pages.Add(page);
        }

        await Task.Delay(2000);
        var grown = await HeapBytesAsync() - baseline;
        output.WriteLine($"(resident memory of the server process: {Server.ResidentBytes / 1024 / 1024} MiB with {Circuits + 1} open pages)");
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        return (double)grown / Circuits;
    }

    private async Task<long> HeapBytesAsync()
    {
        var response = await Page.Context.APIRequest.GetAsync("/diagnostics/memory");
        var body = await response.JsonAsync();
        return body!.Value.GetProperty("heapBytes").GetInt64();
    }

    private async Task WaitForInteractiveAsync()
    {
        // The search box only reacts once the circuit is up: type until the table answers.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Page.GetByLabel("Search").FillAsync("Padaria");
            try
            {
                await Assertions.Expect(Page).ToHaveURLAsync(new Regex("q=Padaria"), new() { Timeout = 500 });
                await Page.GetByLabel("Search").FillAsync("");
                await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("q=Padaria"));

                // Let the table catch up with the cleared search before anything is timed against it.
                await Task.Delay(1000);
                return;
            }
            catch (PlaywrightException)
            {
            }
        }

        throw new TimeoutException("The numbers page never became interactive.");
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/Account/Login");
        await new Pages.SignInPage(page).SignInAsync(AdminEmail, AdminPassword);
        await page.WaitForURLAsync(new Regex("/numbers"));
    }

    private void Report(string what, List<double> samples, string target)
    {
        var sorted = samples.Order().ToList();
        var median = sorted[sorted.Count / 2];
        output.WriteLine($"{what}: median {median:F0} ms, min {sorted[0]:F0} ms, max {sorted[^1]:F0} ms over {samples.Count} runs ({target})");
    }
}
