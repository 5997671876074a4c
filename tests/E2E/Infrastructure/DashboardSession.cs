using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

/// <summary>One dashboard process, one browser and one fresh page per test class.</summary>
public abstract class DashboardSession(IDictionary<string, string>? settings = null) : IAsyncLifetime
{
    public const string AdminEmail = "ana@example.com";
    public const string AdminPassword = "correct horse battery";

    private readonly List<string> _policyViolations = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected DashboardServer Server { get; private set; } = default!;

    protected IPage Page { get; private set; } = default!;

    /// <summary>A dashboard whose first administrator comes from configuration, as in a headless deployment.</summary>
    protected static Dictionary<string, string> WithAdministrator() => new()
    {
        ["FirstAdministrator:Email"] = AdminEmail,
        ["FirstAdministrator:Password"] = AdminPassword,
    };

    public async Task InitializeAsync()
    {
        Server = await DashboardServer.StartAsync(settings);
        (_playwright, _browser) = await Browser.LaunchAsync();
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        Page = await context.NewPageAsync();

        // Chromium reports whatever the Content-Security-Policy blocks on the console; any of it fails the test.
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_policyViolations)
                {
                    _policyViolations.Add(message.Text);
                }
            }
        };
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Assert.True(_policyViolations.Count == 0, "Blocked by the Content-Security-Policy:\n" + string.Join("\n", _policyViolations));
    }
}
