using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Scale;

/// <summary>
/// How long an event posted to instance A takes to change the badge on a page open on instance B: post, A stores it,
/// A's processor claims it, the change crosses Redis, B's circuit renders. Reported, not asserted on.
/// Run with: BENCH=1 ./scale-test.sh
/// </summary>
[Trait("Category", "Benchmark")]
[Trait("Topology", "Scale")]
public sealed class CrossInstancePropagationBenchmark(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Samples = 60;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (ScaleTopology.Running)
        {
            (_playwright, _browser) = await Browser.LaunchAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [ScaleFact]
    public async Task Event_posted_to_A_until_the_badge_changes_on_B()
    {
        var page = await ScaleTopology.SignedInPageAsync(_browser!, ScaleTopology.InstanceB);
        var (id, _) = (await ScaleTopology.NumbersAsync()).Last(n => n.State == "CLOSE");
        var numbers = new NumbersPage(page);
        await numbers.OpenAsync($"?q={id}");
        await Assertions.Expect(numbers.Row(id).Locator(".state-badge")).ToHaveTextAsync("Disconnected");

        using var http = new HttpClient();
        var times = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var (name, shown) = i % 2 == 0 ? ("number.connected", "Connected") : ("number.disconnected", "Disconnected");
            var watching = page.WaitForFunctionAsync(
                "expected => [...document.querySelectorAll('.state-badge')].some(b => b.textContent.trim() === expected)",
                shown, new() { PollingInterval = 5, Timeout = 30_000 });
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            (await ScaleTopology.PostEventAsync(http, ScaleTopology.InstanceA, name, id, DateTimeOffset.UtcNow)).EnsureSuccessStatusCode();
            await watching;
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"cross-instance propagation over {Samples} events: p50 {Percentile(times, 0.50):0} ms, " +
            $"p95 {Percentile(times, 0.95):0} ms, max {times[^1]:0} ms");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
