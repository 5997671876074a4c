using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

/// <summary>
/// Debian's Chromium, driven by Playwright and launched once for the whole test assembly: each test gets a browser
/// context of its own (its own cookies and storage), which costs milliseconds where a browser costs seconds. Never
/// downloads a browser of its own.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lock Gate = new();
    private static Task<(IPlaywright Playwright, IBrowser Browser)>? _shared;

    static Browser() => AppDomain.CurrentDomain.ProcessExit += CloseShared;

    /// <summary>
    /// The assembly's one browser, launched by the first test that asks. xUnit 2 has no assembly fixtures, so it is
    /// closed when the test process exits; a launch that failed is tried again by the next test instead of failing all.
    /// </summary>
    public static async Task<IBrowser> SharedAsync()
    {
        Task<(IPlaywright, IBrowser)> launch;
        lock (Gate)
        {
            if (_shared is null || _shared.IsFaulted || _shared.IsCanceled
                || (_shared.IsCompletedSuccessfully && !_shared.Result.Browser.IsConnected))
            {
                _shared = LaunchAsync();
            }

            launch = _shared;
        }

        return (await launch).Item2;
    }

    private static void CloseShared(object? sender, EventArgs e)
    {
        Task<(IPlaywright Playwright, IBrowser Browser)>? shared;
        lock (Gate)
        {
            shared = _shared;
            _shared = null;
        }

        if (shared is { IsCompletedSuccessfully: true })
        {
            shared.Result.Browser.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            shared.Result.Playwright.Dispose();
        }
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }
}
