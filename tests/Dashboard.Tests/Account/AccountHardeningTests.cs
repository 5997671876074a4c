using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Audit;
using Dashboard.Core.Operators;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.OperatorManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Account;

/// <summary>Sign-out, sign-in timing, change-password guesses and reset links, as an attacker would try them.</summary>
public sealed class AccountHardeningTests : IAsyncLifetime
{
    private readonly OperatorHarness _harness = new();
    private readonly CountingPasswordHasher _hasher = new();

    public Task InitializeAsync()
    {
        _harness.Configure(app => app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<Operator>>(_hasher))));
        return _harness.SetUpAsync();
    }

    public static TheoryData<string> BodiesWithoutToken => ["form", "empty", "json", "text"];

    [Theory]
    [MemberData(nameof(BodiesWithoutToken))]
    public async Task Signing_out_without_an_antiforgery_token_is_refused_and_the_session_stays(string body)
    {
        var client = _harness.Browser();
        await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        HttpContent? content = body switch
        {
            "form" => new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }),
            "json" => JsonContent.Create(new { }),
            "text" => new StringContent("sign me out"),
            _ => null,
        };
        var signOut = await client.PostAsync("/Account/Logout", content);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);
        Assert.Empty(await _harness.AuditAsync(AuditActions.SignedOut));
    }

    [Fact]
    public async Task Signing_out_is_written_to_the_audit_log_against_the_operator()
    {
        var client = _harness.Browser();
        await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        var signOut = await client.PostFormAsync("/Account/Manage", "change-password", new Dictionary<string, string>(), postUrl: "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var entry = Assert.Single(await _harness.AuditAsync(AuditActions.SignedOut));
        Assert.Equal(Operators.AdminEmail, entry.OperatorEmail);
        Assert.Equal((await _harness.FindAsync(Operators.AdminEmail)).Id, entry.OperatorId);
    }

    [Fact]
    public async Task An_unknown_email_costs_a_password_hash_check_like_a_wrong_password_does()
    {
        var client = _harness.Browser();

        _hasher.Verifications = 0;
        await client.SignInAsync(Operators.AdminEmail, "not the password at all");
        var forAnAccount = _hasher.Verifications;

        _hasher.Verifications = 0;
        var unknown = await client.SignInAsync("nobody-here@example.com", "not the password at all");
        var forNobody = _hasher.Verifications;

        Assert.Contains("The email or password is not right", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(1, forAnAccount);
        Assert.Equal(forAnAccount, forNobody);
    }

    [Fact]
    public async Task Wrong_current_passwords_on_change_password_lock_the_account()
    {
        var client = _harness.Browser();
        await client.SignInAsync(Operators.AdminEmail, Operators.AdminPassword);

        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await client.PostFormAsync("/Account/Manage", "change-password", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = $"a wrong guess {attempt}",
                ["Input.Password"] = "a brand new passphrase",
                ["Input.ConfirmPassword"] = "a brand new passphrase",
            });
        }

        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal("/Account/Lockout", last.Target());
        Assert.True(await IsLockedOutAsync());
        var fresh = _harness.Browser();
        Assert.Equal("/Account/Lockout", (await fresh.SignInAsync(Operators.AdminEmail, Operators.AdminPassword)).Target());
    }

    [Fact]
    public async Task A_successful_reset_clears_an_active_lockout()
    {
        var client = _harness.Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(Operators.AdminEmail, $"wrong password {attempt}");
        }

        Assert.True(await IsLockedOutAsync());

        string link;
        await using (var scope = _harness.App.Services.CreateAsyncScope())
        {
            link = (await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreatePasswordResetLinkAsync(Operators.AdminEmail))!;
        }

        var code = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost/"), link).Query)["code"]!;
        var reset = await client.PostFormAsync("/" + link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = Operators.AdminEmail,
            ["Input.Code"] = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(code)),
            ["Input.Password"] = "reset passphrase here",
            ["Input.ConfirmPassword"] = "reset passphrase here",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.False(await IsLockedOutAsync());
        var signIn = await _harness.Browser().SignInAsync(Operators.AdminEmail, "reset passphrase here");
        Assert.Equal("/", signIn.Target());
    }

    private async Task<bool> IsLockedOutAsync()
    {
        await using var scope = _harness.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(Operators.AdminEmail))!);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>Identity's hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<Operator>
    {
        private readonly PasswordHasher<Operator> _inner = new();

        public int Verifications { get; set; }

        public string HashPassword(Operator user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Operator user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
