using System.Text.RegularExpressions;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

/// <summary>
/// One dashboard per test class, shared by its tests and reset between them (<see cref="DashboardApp"/>); the assembly's
/// one Chromium (<see cref="Browser"/>) with a new browser context, and so a fresh page and cookies, per test.
/// </summary>
public abstract partial class DashboardSession(IDictionary<string, string>? settings = null)
    : IAsyncLifetime, IClassFixture<DashboardSession.ClassDone>
{
    public const string AdminEmail = "ana@example.com";
    public const string AdminPassword = "correct horse battery";

    private readonly List<string> _policyViolations = [];

    // Playwright's assertions wait 5 s unless told; a busy machine needs more, and a passing test never waits it out.
    static DashboardSession() => Assertions.SetDefaultExpectTimeout(10_000);

    private DashboardApp? _app;
    private IBrowserContext? _context;

    protected DashboardServer Server => App.Server;

    protected IPage Page { get; private set; } = default!;

    private DashboardApp App => _app ?? throw new InvalidOperationException("The dashboard has not started yet.");

    /// <summary>A dashboard whose first administrator comes from configuration, as in a headless deployment.</summary>
    protected static Dictionary<string, string> WithAdministrator() => new()
    {
        ["FirstAdministrator:Email"] = AdminEmail,
        ["FirstAdministrator:Password"] = AdminPassword,
    };

    /// <summary>
    /// Signed in as the configured administrator, on the numbers page. The class's first test signs in through the
    /// sign-in form; later ones reuse the cookies it left (tests of the sign-in itself use <see cref="SignInPage"/>).
    /// </summary>
    protected async Task SignInAsAdministratorAsync()
    {
        var stored = App.StoredSignIn(AdminEmail);
        if (stored.Count > 0)
        {
            await Page.Context.AddCookiesAsync(stored);
            await Page.GotoAsync("/numbers");
        }
        else
        {
            await Page.GotoAsync("/Account/Login");
            await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
            await Page.WaitForURLAsync(Numbers());
            await App.StoreSignInAsync(AdminEmail, Page.Context);
        }

        await new ShellPage(Page).ExpectShownAsync("Numbers");
    }

    public async Task InitializeAsync()
    {
        _app = await DashboardApp.AcquireAsync(GetType(), Defaults(settings));
        _context = await (await Browser.SharedAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "en-US",
        });
        // Long enough for a sign-in's password hash on a machine busy with a second build; only a failing test waits it out.
        _context.SetDefaultTimeout(30_000);
        Page = await _context.NewPageAsync();

        // Chromium reports whatever the Content-Security-Policy blocks on the console; any of it fails the test.
        _context.Console += (_, message) =>
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
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _app?.Release();
        Assert.True(_policyViolations.Count == 0, "Blocked by the Content-Security-Policy:\n" + string.Join("\n", _policyViolations));
    }

    /// <summary>
    /// The number list is cached for 10 s in production. Between tests the sandbox goes back to its seeded fleet behind
    /// the dashboard's back, so the shared app keeps that list for a second only; a test may still set its own.
    /// </summary>
    private static Dictionary<string, string> Defaults(IDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string> { ["PilotStatus:NumberListLifetime"] = "00:00:01" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return all;
    }

    [GeneratedRegex("/numbers")]
    private static partial Regex Numbers();

    /// <summary>Created by xUnit before a test class's first test and disposed after its last: the class's app stops then.</summary>
    public sealed class ClassDone : IAsyncLifetime
    {
        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => DashboardApp.StopIdleAsync();
    }
}
