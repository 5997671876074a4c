using System.Net;
using AngleSharp.Html.Parser;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Shell;

/// <summary>
/// The real app's first answer to a browser, before any circuit: every control arrives disabled (a press or typing
/// there would be lost) and the page says it is busy; the account pages wear the operator's chosen theme.
/// </summary>
public sealed class FirstRenderTests : IAsyncLifetime
{
    private readonly DashboardAppFactory _app = new();
    private HttpClient _admin = default!;

    public async Task InitializeAsync()
    {
        _admin = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.SetUpFirstAdministratorAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.SignInAsync(Operators.AdminEmail, Operators.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Every_page_arrives_busy_with_its_controls_disabled_until_the_circuit_is_up()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var number = (await scope.ServiceProvider.GetRequiredService<IPilotStatusClient>().ListNumbersAsync()).Value!.Numbers[0];

        foreach (var path in new[] { "/numbers", $"/numbers/{number.Id}", $"/numbers/{number.Id}/messages", "/customers", "/operators", "/audit", "/messages" })
        {
            var html = await _admin.GetStringAsync(path);
            var document = new HtmlParser().ParseDocument(html);

            Assert.Equal("true", document.QuerySelector("main")?.GetAttribute("aria-busy"));
            var controls = document.QuerySelectorAll(".mud-layout :is(button, input:not([type=hidden]), select, textarea)").ToList();
            Assert.NotEmpty(controls);
            var live = controls.Where(c => !c.HasAttribute("disabled")).Select(c => c.OuterHtml[..Math.Min(160, c.OuterHtml.Length)]).ToList();
            Assert.True(live.Count == 0, $"{path} has controls that act before the circuit is up:\n{string.Join("\n", live)}");
        }
    }

    [Theory]
    [InlineData(ThemePreference.Dark, "dark")]
    [InlineData(ThemePreference.Light, "light")]
    public async Task The_account_pages_wear_the_operators_chosen_theme(ThemePreference preference, string theme)
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<Operator>>().FindByEmailAsync(Operators.AdminEmail);
            await scope.ServiceProvider.GetRequiredService<IOperatorPreferences>().SetThemeAsync(admin!.Id, preference);
        }

        var document = new HtmlParser().ParseDocument(await _admin.GetStringAsync("/Account/Manage"));

        Assert.Equal(theme, document.QuerySelector(".account-shell")?.GetAttribute("data-theme"));
    }

    [Fact]
    public async Task The_account_pages_follow_the_system_theme_for_someone_not_signed_in()
    {
        var document = new HtmlParser().ParseDocument(await _app.CreateBrowserLikeClient().GetStringAsync("/Account/Login"));

        Assert.NotNull(document.QuerySelector(".account-shell"));
        Assert.Null(document.QuerySelector(".account-shell")?.GetAttribute("data-theme"));
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }
}
