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

    [Fact]
    public async Task A_balancer_sees_live_and_ready_and_ready_turns_503_when_Redis_is_configured_but_unreachable()
    {
        var client = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using (var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            var checks = body.RootElement.GetProperty("checks");
            Assert.Equal(["accepting", "database", "pilot-status", "redis"], checks.EnumerateObject().Select(c => c.Name).Order());
        }

        // Port 1 on loopback: nothing listens there.
        using var cut = new DashboardAppFactory(new Dictionary<string, string?>
        {
            ["FirstAdministrator:Email"] = Operators.AdminEmail,
            ["FirstAdministrator:Password"] = Operators.AdminPassword,
            ["Redis:ConnectionString"] = "127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200",
        });
        var cutClient = cut.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await cutClient.GetAsync("/health/live")).StatusCode);
        var notReady = await cutClient.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        using var cutBody = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", cutBody.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
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
