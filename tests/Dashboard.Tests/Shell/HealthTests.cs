using System.Net;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Shell;

public sealed class HealthTests : IDisposable
{
    private readonly DashboardAppFactory _app = new(new Dictionary<string, string?>
    {
        ["FirstAdministrator:Email"] = Operators.AdminEmail,
        ["FirstAdministrator:Password"] = Operators.AdminPassword,
    });

    [Fact]
    public async Task Health_answers_without_sign_in_and_reports_the_database_and_the_API_mode()
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Sandbox", checks.GetProperty("pilot-status").GetProperty("data").GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("/numbers")]
    [InlineData("/operators")]
    [InlineData("/Account/Manage")]
    [InlineData("/no-such-page")]
    public async Task Pages_need_a_signed_in_operator(string path)
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Target());
    }

    public void Dispose() => _app.Dispose();
}
