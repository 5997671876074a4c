using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Benchmarks;

/// <summary>
/// What one more open Numbers page (one more circuit) keeps in server memory at 10,000 numbers. Run on demand with
/// ./bench.sh, never as part of ./test.sh.
/// </summary>
/// <remarks>
/// The shared number list is kept for the whole measurement (a long <c>NumberListLifetime</c>): a refetch of its 3.5 MB
/// of JSON in the middle would leave pooled buffers that every circuit shares, not memory any one circuit holds, and
/// would swing the figure by hundreds of KiB from run to run. With the memory endpoint on, the dashboard keeps no
/// disconnected circuits, so closing the pages of one round frees them before the next.
/// </remarks>
[Trait("Category", "Benchmark")]
[Collection(Benchmark.Serial)] // one at a time: two benchmarks side by side on two cores measure each other
public sealed class NumbersMemoryBenchmark(ITestOutputHelper output) : DashboardSession(Benchmark.TenThousandNumbers(WithAdministrator(),
    ("PilotStatus:Client:NumberListLifetime", "01:00:00"),
    ("Diagnostics:ExposeMemory", "true")))
{
    private const int Circuits = 20;
    private const int Rounds = 3;

    [Fact]
    public async Task Memory_per_open_numbers_page_at_ten_thousand_numbers()
    {
        await NumbersListBenchmark.SignInAsync(Page);

        // Warm-up: one round pays for everything loaded once per process (code, caches, the list itself).
        await OpenPagesAsync(Circuits);

        var perCircuit = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var baseline = await HeapBytesAsync();
            var pages = await OpenPagesAsync(Circuits, close: false);
            await Task.Delay(2000);
            perCircuit.Add((double)(await HeapBytesAsync() - baseline) / Circuits);
            output.WriteLine($"(resident memory of the server process: {Server.ResidentBytes / 1024 / 1024} MiB with {Circuits + 1} open pages)");
            await CloseAsync(pages);
        }

        var sorted = perCircuit.Order().ToList();
        output.WriteLine($"Numbers page: live managed memory added per open circuit: median {sorted[Rounds / 2] / 1024:F0} KiB, " +
            $"min {sorted[0] / 1024:F0}, max {sorted[^1] / 1024:F0} over {Rounds} rounds of {Circuits} pages (target ≤ 1024 KiB)");
    }

    private async Task<List<IPage>> OpenPagesAsync(int count, bool close = true)
    {
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await Page.Context.NewPageAsync();
            await page.GotoAsync("/numbers");
            await page.Locator("tbody tr").First.WaitForAsync();
            pages.Add(page);
        }

        // The rows come prerendered; wait until every page's circuit is up and has drawn the table itself.
        foreach (var page in pages)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Current page 2" })).ToBeVisibleAsync();
        }

        if (close)
        {
            await CloseAsync(pages);
        }

        return pages;
    }

    private static async Task CloseAsync(List<IPage> pages)
    {
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        // Let the server see the sockets close and drop the circuits.
        await Task.Delay(2000);
    }

    private async Task<long> HeapBytesAsync()
    {
        var response = await Page.Context.APIRequest.GetAsync("/diagnostics/memory");
        var body = await response.JsonAsync();
        return body!.Value.GetProperty("heapBytes").GetInt64();
    }
}
