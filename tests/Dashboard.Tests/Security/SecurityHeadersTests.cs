using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Security;

public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly DashboardAppFactory _app = new();

    public async Task InitializeAsync() => await _app.CreateBrowserLikeClient().SetUpFirstAdministratorAsync();

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/app.css")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await Https().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("img-src 'self' data:", csp);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_is_only_sent_over_https()
    {
        var response = await _app.CreateClient().GetAsync("/Account/Login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.NotEmpty(Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/numbers")]
    [InlineData("/Account/Manage/EnableAuthenticator")]
    public async Task Pages_have_no_inline_script_for_the_policy_to_block(string path)
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(Infrastructure.Operators.AdminEmail, Infrastructure.Operators.AdminPassword);

        var html = await client.GetStringAsync(path);

        Assert.Contains("<script", html);
        Assert.Empty(InlineScript().Matches(html).Select(m => m.Value));
    }

    private HttpClient Https() => _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : "";

    // A <script> element without a src attribute: its body is inline code (an import map counts too).
    [GeneratedRegex("""<script(?![^>]*\bsrc=)[^>]*>""")]
    private static partial Regex InlineScript();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
