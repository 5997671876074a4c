using System.Net;
using Dashboard.Core.Operators;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Account;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly DashboardAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var setup = await _app.CreateBrowserLikeClient().SetUpFirstAdministratorAsync();
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
    }

    [Fact]
    public async Task A_deep_link_sends_a_signed_out_visitor_to_sign_in_and_back_afterwards()
    {
        var client = _app.CreateBrowserLikeClient();

        var visit = await client.GetAsync("/customers?page=2");
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", visit.Target());

        var signIn = await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword, returnUrl: "/customers?page=2");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/customers?page=2", signIn.Target());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers?page=2")).StatusCode);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_not_followed()
    {
        var signIn = await _app.CreateBrowserLikeClient().SignInAsync(Operators.AdminEmail, Operators.AdminPassword, returnUrl: "https://evil.example/phish");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("evil.example", signIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var client = _app.CreateBrowserLikeClient();

        var signIn = await client.SignInAsync(Operators.AdminEmail, "not the password at all");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("The email or password is not right", await signIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/numbers")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = _app.CreateBrowserLikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(Operators.AdminEmail, $"wrong password {attempt}");
        }

        var rightPassword = await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, rightPassword.StatusCode);
        Assert.Equal("/Account/Lockout", rightPassword.Target());
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var admin = await users.FindByEmailAsync(Operators.AdminEmail);
        Assert.True(await users.IsLockedOutAsync(admin!));
        var lockoutEnd = await users.GetLockoutEndDateAsync(admin!);
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        var signOut = await client.PostFormAsync("/Account/Manage", "change-password", new Dictionary<string, string>(), postUrl: "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/Account/Login", signOut.Target());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/numbers")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_records_when_the_operator_last_signed_in()
    {
        await _app.CreateBrowserLikeClient().SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        await using var scope = _app.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<Operator>>().FindByEmailAsync(Operators.AdminEmail);
        Assert.NotNull(admin!.LastSignInAt);
        Assert.InRange(DateTime.UtcNow - admin.LastSignInAt.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Changing_the_password_takes_the_new_one_and_refuses_the_old()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        var change = await client.PostFormAsync("/Account/Manage", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Operators.AdminPassword,
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        var fresh = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync(Operators.AdminEmail, Operators.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(Operators.AdminEmail, "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_made_for_an_operator_sets_a_new_password_once()
    {
        string link;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            link = (await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreatePasswordResetLinkAsync(Operators.AdminEmail))!;
        }

        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = Operators.AdminEmail,
            ["Input.Password"] = "reset passphrase here",
            ["Input.ConfirmPassword"] = "reset passphrase here",
        };
        var code = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost/"), link).Query)["code"]!;
        fields["Input.Code"] = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(code));
        var client = _app.CreateBrowserLikeClient();

        var reset = await client.PostFormAsync("/" + link, "reset-password", fields);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Operators.AdminEmail, "reset passphrase here")).StatusCode);

        var again = await _app.CreateBrowserLikeClient().PostFormAsync("/" + link, "reset-password", fields);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("expired or been used", await again.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
