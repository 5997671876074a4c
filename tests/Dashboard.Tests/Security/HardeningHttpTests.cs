using System.Net;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Security;

/// <summary>What an auditor's scanner and a hostile URL see: headers, cookies, caching and bad input.</summary>
public sealed class HardeningHttpTests : IAsyncLifetime
{
    private readonly DashboardAppFactory _app = new();

    public async Task InitializeAsync() => await _app.CreateBrowserLikeClient().SetUpFirstAdministratorAsync();

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_turns_off_browser_features_the_dashboard_does_not_use(string path)
    {
        var response = await Https().GetAsync(path);

        var policy = string.Join(",", response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", policy);
        Assert.Contains("microphone=()", policy);
        Assert.Contains("geolocation=()", policy);
        Assert.Contains("payment=()", policy);
    }

    [Theory]
    [InlineData("/numbers\tx")]
    [InlineData("/numbers\r\nSet-Cookie: a=b")]
    [InlineData("/numbers\n")]
    public async Task A_culture_redirect_with_control_characters_goes_home_instead_of_failing(string redirectUri)
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync($"/culture?culture=pt-BR&redirectUri={Uri.EscapeDataString(redirectUri)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Target());
    }

    [Fact]
    public async Task Over_https_the_culture_and_antiforgery_cookies_are_secure()
    {
        var client = Https();

        var culture = await client.GetAsync("/culture?culture=pt-BR&redirectUri=/numbers");
        var login = await client.GetAsync("/Account/Login");

        Assert.Contains(SetCookies(culture), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(SetCookies(login), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/audit?from=0001-01-01&to=9999-12-31")]
    [InlineData("/audit?from=9999-12-31&to=9999-12-31")]
    [InlineData("/audit/export.csv?from=0001-01-01&to=9999-12-31")]
    public async Task Audit_dates_at_the_ends_of_the_calendar_do_not_fail_the_page(string url)
    {
        var client = await AdministratorAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/numbers/export.csv")]
    [InlineData("/audit/export.csv")]
    public async Task Exports_are_never_stored_by_a_browser_or_proxy(string url)
    {
        var client = await AdministratorAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url} has Cache-Control: {response.Headers.CacheControl}");
    }

    private async Task<HttpClient> AdministratorAsync()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);
        return client;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private HttpClient Https() => _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
