using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>
/// Takes the screenshots in docs/screenshots (the numbers list, a number's side panel and the connect wizard, on a phone
/// and on a desktop screen, light and dark). Not part of ./test.sh; run it after a visible change:
/// <c>dotnet test tests/E2E --filter Category=Screenshots</c>.
/// </summary>
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests() : DashboardSession(WithAdministrator())
{
    private const string Disconnected = "Clínica Sorriso · Vendas";

    [Fact]
    public async Task The_main_screens_are_photographed_for_the_docs()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.GotoAsync("/Account/Login");
        await new SignInPage(Page).SignInAsync(AdminEmail, AdminPassword);
        await Page.WaitForURLAsync(new Regex("/numbers"));

        foreach (var size in new[] { Viewport.Phone, Viewport.Desktop })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var suffix = $"{size.Width}-{(scheme == ColorScheme.Dark ? "dark" : "light")}.png";
                await Page.SetViewportSizeAsync(size.Width, size.Height);
                await Page.EmulateMediaAsync(new() { ColorScheme = scheme });

                var numbers = new NumbersPage(Page);
                await Page.GotoAsync("/numbers");
                await Assertions.Expect(numbers.Rows.First).ToBeVisibleAsync();
                await SettledAsync(scheme);
                await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "numbers-" + suffix) });

                await numbers.Row(Disconnected).GetByRole(AriaRole.Link, new() { Name = Disconnected, Exact = true }).ClickAsync();
                await Assertions.Expect(Page.Locator(".mud-drawer").GetByRole(AriaRole.Heading, new() { Name = Disconnected })).ToBeVisibleAsync();
                await SettledAsync(scheme);
                await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "number-panel-" + suffix) });

                await new NumberDetailPage(Page).OpenFromListAsync(Disconnected);
                var wizard = new ConnectWizardPage(Page);
                await wizard.OpenFromNumberPageAsync();
                await wizard.StartAsync();
                await wizard.ShowCode.ClickAsync();
                await wizard.Qr.EvaluateAsync("img => img.decode()");
                await SettledAsync(scheme);
                await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "connect-wizard-" + suffix) });
            }
        }
    }

    // The circuit up (controls enabled), the theme applied and no transition (a drawer or dialog sliding in, a colour fading) half-way.
    private Task SettledAsync(ColorScheme scheme) => Page.WaitForFunctionAsync(
        """
        dark => document.querySelector('.mud-layout')?.dataset.theme === (dark ? 'dark' : 'light')
            && document.querySelector('main')?.getAttribute('aria-busy') === 'false'
            && document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')
        """, scheme == ColorScheme.Dark);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the screenshots from inside the repository.");
    }
}
