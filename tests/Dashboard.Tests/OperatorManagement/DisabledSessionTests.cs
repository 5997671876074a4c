using System.Net;
using Dashboard.Components.Account;
using Dashboard.Core.Operators;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.Infrastructure.Operators;

namespace Dashboard.Tests.OperatorManagement;

/// <summary>Disabling an operator ends what they already have open, within a minute: their circuit and their cookie.</summary>
public sealed class DisabledSessionTests : IAsyncLifetime
{
    private readonly OperatorHarness _harness = new();

    // The cookie's periodic check reads this clock, so a test moves a minute past the cookie's issue without waiting one.
    private readonly FakeTimeProvider _cookieClock = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync()
    {
        _harness.Configure(app => app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.PostConfigure<SecurityStampValidatorOptions>(options => options.TimeProvider = _cookieClock))));
        return _harness.SetUpAsync();
    }

    [Fact]
    public async Task A_disabled_operators_open_circuit_is_found_invalid_at_the_next_revalidation_a_minute_away()
    {
        var id = await _harness.CreateOperatorAsync("ines@example.com");
        var circuitUser = await _harness.PrincipalOfAsync("ines@example.com");
        var provider = ActivatorUtilities.CreateInstance<IdentityRevalidatingAuthenticationStateProvider>(_harness.App.Services);
        Assert.True(await provider.IsStillValidAsync(circuitUser));

        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        Assert.True((await _harness.AdministerAsync(a => a.DisableAsync(admin, id))).Succeeded);

        Assert.False(await provider.IsStillValidAsync(circuitUser));
        Assert.True(IdentityRevalidatingAuthenticationStateProvider.Interval <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_circuit_is_found_invalid_when_the_operator_is_disabled_even_if_the_stamp_were_left_alone()
    {
        await _harness.CreateOperatorAsync("joao@example.com");
        var circuitUser = await _harness.PrincipalOfAsync("joao@example.com");
        await using (var scope = _harness.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
            var joao = (await users.FindByEmailAsync("joao@example.com"))!;
            joao.DisabledAt = DateTime.UtcNow;
            await users.UpdateAsync(joao);
        }

        var provider = ActivatorUtilities.CreateInstance<IdentityRevalidatingAuthenticationStateProvider>(_harness.App.Services);
        Assert.False(await provider.IsStillValidAsync(circuitUser));
    }

    [Fact]
    public async Task A_disabled_operators_cookie_stops_working_within_a_minute()
    {
        var id = await _harness.CreateOperatorAsync("kaue@example.com");
        var client = _harness.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("kaue@example.com", "support passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);

        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        Assert.True((await _harness.AdministerAsync(a => a.DisableAsync(admin, id))).Succeeded);
        _cookieClock.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        var after = await client.GetAsync("/numbers");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Target());
    }

    [Fact]
    public async Task An_operator_who_is_not_disabled_keeps_their_cookie_past_the_check()
    {
        await _harness.CreateOperatorAsync("lia@example.com");
        var client = _harness.Browser();
        await client.SignInAsync("lia@example.com", "support passphrase");

        _cookieClock.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
