using System.Net;
using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Setup;

public sealed class FirstRunTests : IDisposable
{
    private readonly DashboardAppFactory _app = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/numbers")]
    [InlineData("/Account/Login")]
    public async Task Before_the_first_administrator_exists_every_page_leads_to_setup(string path)
    {
        var response = await _app.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Target());
    }

    [Fact]
    public async Task Health_and_static_files_are_not_diverted_to_setup()
    {
        var client = _app.CreateBrowserLikeClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task Setup_creates_a_signed_in_administrator_and_then_the_page_is_gone()
    {
        var client = _app.CreateBrowserLikeClient();

        var created = await client.SetUpFirstAdministratorAsync();

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", created.Target());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateBrowserLikeClient().GetAsync("/setup")).StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var admin = await users.FindByEmailAsync(Operators.AdminEmail);
        Assert.NotNull(admin);
        Assert.Equal("Ana Admin", admin.DisplayName);
        Assert.True(await users.IsInRoleAsync(admin, OperatorRoles.Administrator));
    }

    [Fact]
    public async Task Setup_with_a_short_password_explains_the_rule_and_creates_nobody()
    {
        var response = await _app.CreateBrowserLikeClient().SetUpFirstAdministratorAsync(password: "short1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", await response.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DashboardDbContext>().Users.AnyAsync());
    }

    [Fact]
    public async Task Concurrent_first_requests_create_exactly_one_administrator()
    {
        _ = _app.Services; // start the host: migrations applied

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var setup = scope.ServiceProvider.GetRequiredService<FirstRunSetup>();
            return await setup.CreateFirstAdministratorAsync(new NewAdministrator($"admin{i}@example.com", $"Admin {i}", Operators.AdminPassword));
        });
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(7, results.Count(r => r.AlreadyComplete));
        await using var check = _app.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<DashboardDbContext>().Users.CountAsync());
    }

    public void Dispose() => _app.Dispose();
}

public sealed class ConfiguredFirstAdministratorTests : IDisposable
{
    private readonly DashboardAppFactory _app = new(new Dictionary<string, string?>
    {
        ["FirstAdministrator:Email"] = "ops@example.com",
        ["FirstAdministrator:Password"] = "a long configured secret",
    });

    [Fact]
    public async Task A_headless_deployment_gets_its_administrator_from_configuration_and_no_setup_page()
    {
        var client = _app.CreateBrowserLikeClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        var signIn = await client.SignInAsync("ops@example.com", "a long configured secret");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var admin = await users.FindByEmailAsync("ops@example.com");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, OperatorRoles.Administrator));
    }

    public void Dispose() => _app.Dispose();
}
