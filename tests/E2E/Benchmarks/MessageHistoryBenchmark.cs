using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Benchmarks;

/// <summary>
/// A number's message history in a real browser against the sandbox. Run on demand with ./bench.sh: it prints figures
/// and fails only when the page does not work. "After the API answers" is the time from navigation to the first message
/// on screen minus the history call's own duration, as the dashboard's client logged it: everything else (the
/// scope check, audit write, render, paint) is counted, so it is an upper bound. Measured when switching numbers inside
/// the running app; one full page load, with the circuit's start, is printed beside it.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(Benchmark.Serial)] // one at a time: two benchmarks side by side on two cores measure each other
public sealed partial class MessageHistoryBenchmark(ITestOutputHelper output) : DashboardSession(new Dictionary<string, string>(WithAdministrator())
{
    ["Logging:LogLevel:Dashboard.Core.PilotStatus.Api.PilotStatusHttpLogger"] = "Debug",
})
{
    private const int Runs = 7;

    [Fact]
    public async Task First_page_of_a_numbers_history()
    {
        await Page.GotoAsync("/Account/Login");
        await new Pages.SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
        await Page.WaitForURLAsync(new Regex("/numbers"));
        var rows = Page.Locator(".numbers-table tbody tr");
        await rows.First.WaitForAsync();
        var numbers = new List<(string Name, string Href)>();
        for (var i = 0; i < Runs + 2; i++)
        {
            var row = rows.Nth(i);
            numbers.Add(((await row.Locator(".number-name").InnerTextAsync()).Trim(), (await row.Locator("a.row-messages").GetAttributeAsync("href"))!));
        }

        // A full page load, circuit start included, on a number of its own (also the warm-up: JIT, the sandbox's first history).
        var clock = Stopwatch.StartNew();
        await Page.GotoAsync("/" + numbers[^1].Href, new() { WaitUntil = WaitUntilState.Commit });
        await Page.Locator("tr.message").First.WaitForAsync();
        output.WriteLine($"Messages page: full page load to first message visible (circuit start included): {clock.Elapsed.TotalMilliseconds:F0} ms");

        // Then from number to number inside the running app, as an operator moves between numbers: new history each time.
        var afterApi = new List<double>();
        var api = new List<double>();
        await SwitchToAsync(numbers[^2]);
        foreach (var number in numbers.Take(Runs))
        {
            var calls = HistoryCallDurations().Count;
            var elapsed = await SwitchToAsync(number);
            var call = await NextHistoryCallAsync(calls);
            api.Add(call);
            afterApi.Add(elapsed - call);
        }

        // The same numbers again within the cache's lifetime: no API call at all.
        var cached = new List<double>();
        foreach (var number in numbers.Take(Runs))
        {
            var calls = HistoryCallDurations().Count;
            cached.Add(await SwitchToAsync(number));
            Assert.Equal(calls, HistoryCallDurations().Count);
        }

        Report("Messages page: the history call itself (client log)", api, "sandbox over loopback");
        Report("Messages page: switch to a number, first message on screen after the API answered", afterApi, "target ≤ 300 ms");
        Report("Messages page: switch back to a number seen moments ago (cached, no API call)", cached, "");
    }

    /// <summary>Client-side navigation to another number's messages; done when its heading and a message row are on screen.</summary>
    private async Task<double> SwitchToAsync((string Name, string Href) number)
    {
        var clock = Stopwatch.StartNew();
        await Page.EvaluateAsync("href => Blazor.navigateTo(href)", "/" + number.Href);
        await Page.WaitForFunctionAsync(
            "name => document.querySelector('h1')?.innerText.trim() === 'Messages of ' + name && document.querySelector('tr.message') !== null",
            number.Name, new() { PollingInterval = 5 });
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The duration of the history call logged after the first <paramref name="seen"/>; the log may trail the screen a little.</summary>
    private async Task<double> NextHistoryCallAsync(int seen)
    {
        for (var wait = 0; wait < 100 && HistoryCallDurations().Count <= seen; wait++)
        {
            await Task.Delay(20);
        }

        return HistoryCallDurations().Skip(seen).Single();
    }

    private List<double> HistoryCallDurations() => HistoryCall().Matches(Server.Output)
        .Select(m => double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"GET /v1/messages/history answered 200 after (?<ms>\d+) ms")]
    private static partial Regex HistoryCall();

    private void Report(string what, List<double> samples, string note)
    {
        var sorted = samples.Order().ToList();
        output.WriteLine($"{what}: median {sorted[sorted.Count / 2]:F0} ms, min {sorted[0]:F0} ms, max {sorted[^1]:F0} ms over {samples.Count} runs ({note})");
    }
}
