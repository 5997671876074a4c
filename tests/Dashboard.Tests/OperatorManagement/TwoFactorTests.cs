using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;
using static Dashboard.Tests.Infrastructure.Operators;

namespace Dashboard.Tests.OperatorManagement;

/// <summary>Two-factor sign-in through the real forms, with the codes an authenticator app would show.</summary>
public sealed partial class TwoFactorTests : IAsyncLifetime
{
    private readonly OperatorHarness _harness = new();

    public Task InitializeAsync() => _harness.SetUpAsync();

    [Fact]
    public async Task Enrolling_shows_a_server_drawn_qr_and_the_key_and_a_right_code_turns_it_on_with_recovery_codes()
    {
        var client = await SignedInAsync();
        var page = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        Assert.Matches("""<img class="authenticator-qr" src="data:image/png;base64,[^"]{200,}" """, page);

        var enrolled = await EnrolAsync(client, SharedKey(page));

        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var html = await enrolled.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor sign-in is on.", html);
        Assert.Equal(10, RecoveryCodes(html).Count);
        Assert.Equal("authenticator app", Assert.Single(await _harness.AuditAsync(AuditActions.TwoFactorEnabled)).Detail);
        Assert.True((await _harness.FindAsync(AdminEmail)).TwoFactorEnabled);
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_it_on()
    {
        var client = await SignedInAsync();
        var key = SharedKey(await client.GetStringAsync("/Account/Manage/EnableAuthenticator"));

        var wrong = await client.PostFormAsync("/Account/Manage/EnableAuthenticator", "enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = OtherThan(Totp.Code(key)) });

        Assert.Contains("That code is not right.", await wrong.Content.ReadAsStringAsync());
        Assert.False((await _harness.FindAsync(AdminEmail)).TwoFactorEnabled);
        Assert.Empty(await _harness.AuditAsync(AuditActions.TwoFactorEnabled));
    }

    [Fact]
    public async Task After_enrolling_the_password_alone_is_not_enough_and_the_authenticator_code_completes_the_sign_in()
    {
        var key = await EnrolAdministratorAsync();
        var client = _harness.Browser();

        var password = await client.SignInAsync(AdminEmail, AdminPassword, returnUrl: "/numbers");
        Assert.StartsWith("/Account/LoginWith2fa", password.Target());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/numbers")).StatusCode);
        Assert.Empty(await SignInsWithASecondFactorAsync());

        var wrong = await client.PostFormAsync(password.Target()!, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = OtherThan(Totp.Code(key)) });
        Assert.Contains("That code is not right.", await wrong.Content.ReadAsStringAsync());
        Assert.EndsWith("wrong authenticator code", Assert.Single(await _harness.AuditAsync(AuditActions.SignInFailed)).Detail);

        var code = await client.PostFormAsync(password.Target()!, "login-2fa", new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key),
            ["ReturnUrl"] = "/numbers",
        });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/numbers", code.Target());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);
        Assert.Equal("password and authenticator code", Assert.Single(await SignInsWithASecondFactorAsync()).Detail);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (_, codes) = await EnrolAdministratorWithCodesAsync();

        var first = await SignInWithRecoveryCodeAsync(codes[0]);
        var again = await SignInWithRecoveryCodeAsync(codes[0]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("That recovery code is not right, or it has been used already.", await again.Content.ReadAsStringAsync());
        Assert.Equal("password and recovery code", Assert.Single(await SignInsWithASecondFactorAsync()).Detail);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_are_audited_once()
    {
        var (key, oldCodes) = await EnrolAdministratorWithCodesAsync();
        var client = await SignedInWithTwoFactorAsync(key);

        var made = await client.PostFormAsync("/Account/Manage/TwoFactorAuthentication", "new-recovery-codes", new Dictionary<string, string>());

        var newCodes = RecoveryCodes(await made.Content.ReadAsStringAsync());
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.Single(await _harness.AuditAsync(AuditActions.TwoFactorRecoveryCodesReset));
        Assert.Contains("That recovery code is not right", await (await SignInWithRecoveryCodeAsync(oldCodes[0])).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Turning_it_off_is_audited_once_and_the_password_is_enough_again()
    {
        var key = await EnrolAdministratorAsync();
        var client = await SignedInWithTwoFactorAsync(key);

        var off = await client.PostFormAsync("/Account/Manage/TwoFactorAuthentication", "disable-2fa", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("turned off by the operator", Assert.Single(await _harness.AuditAsync(AuditActions.TwoFactorDisabled)).Detail);
        Assert.Equal("/", (await _harness.Browser().SignInAsync(AdminEmail, AdminPassword)).Target());
    }

    [Fact]
    public async Task Resetting_the_authenticator_turns_it_off_and_the_old_key_no_longer_works()
    {
        var key = await EnrolAdministratorAsync();
        var client = await SignedInWithTwoFactorAsync(key);

        var reset = await client.PostFormAsync("/Account/Manage/ResetAuthenticator", "reset-authenticator", new Dictionary<string, string>());

        Assert.Equal("/Account/Manage/EnableAuthenticator", reset.Target());
        var newKey = SharedKey(await client.GetStringAsync("/Account/Manage/EnableAuthenticator"));
        Assert.NotEqual(key, newKey);
        Assert.Equal("authenticator key reset", Assert.Single(await _harness.AuditAsync(AuditActions.TwoFactorDisabled)).Detail);
        Assert.False((await _harness.FindAsync(AdminEmail)).TwoFactorEnabled);
    }

    [Fact]
    public async Task When_required_an_operator_without_it_is_sent_to_enrol_and_reaches_the_app_only_afterwards()
    {
        await _harness.CreateOperatorAsync("nina@example.com");
        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        await _harness.AdministerAsync(a => a.SetTwoFactorRequiredAsync(admin, true));
        var client = _harness.Browser();
        await client.SignInAsync("nina@example.com", "support passphrase");

        var numbers = await client.GetAsync("/numbers");
        var export = await client.GetAsync("/numbers/export.csv");
        Assert.Equal("/Account/Manage/EnableAuthenticator?required=1", numbers.Target());
        Assert.Equal("/Account/Manage/EnableAuthenticator?required=1", export.Target());
        var page = await client.GetStringAsync(numbers.Target());
        Assert.Contains("An administrator requires two-factor sign-in.", page);

        await EnrolAsync(client, SharedKey(page));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/numbers")).StatusCode);
    }

    [Fact]
    public async Task When_required_it_cannot_be_turned_off()
    {
        var key = await EnrolAdministratorAsync();
        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        await _harness.AdministerAsync(a => a.SetTwoFactorRequiredAsync(admin, true));
        var client = await SignedInWithTwoFactorAsync(key);

        Assert.Contains("cannot be turned off", await client.GetStringAsync("/Account/Manage/TwoFactorAuthentication"));
        await client.PostFormAsync("/Account/Manage/TwoFactorAuthentication", "new-recovery-codes", new Dictionary<string, string>());
        await client.PostAsync("/Account/Manage/TwoFactorAuthentication", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "disable-2fa" }));
        Assert.True((await _harness.FindAsync(AdminEmail)).TwoFactorEnabled);
        Assert.Empty(await _harness.AuditAsync(AuditActions.TwoFactorDisabled));
    }

    // The administrator signed in with the password alone to enrol; those entries are not the ones under test.
    private async Task<List<Dashboard.Core.Audit.AuditEntry>> SignInsWithASecondFactorAsync() =>
        (await _harness.AuditAsync(AuditActions.SignInSucceeded)).Where(e => e.Detail != "password").ToList();

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _harness.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(AdminEmail, AdminPassword)).StatusCode);
        return client;
    }

    private async Task<HttpClient> SignedInWithTwoFactorAsync(string key)
    {
        var client = _harness.Browser();
        var password = await client.SignInAsync(AdminEmail, AdminPassword);
        var code = await client.PostFormAsync(password.Target()!, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        return client;
    }

    private async Task<string> EnrolAdministratorAsync() => (await EnrolAdministratorWithCodesAsync()).Key;

    private async Task<(string Key, List<string> Codes)> EnrolAdministratorWithCodesAsync()
    {
        var client = await SignedInAsync();
        var key = SharedKey(await client.GetStringAsync("/Account/Manage/EnableAuthenticator"));
        var enrolled = await EnrolAsync(client, key);
        return (key, RecoveryCodes(await enrolled.Content.ReadAsStringAsync()));
    }

    // The code of the step before: the sign-in that follows in the same test uses the current step's.
    private static Task<HttpResponseMessage> EnrolAsync(HttpClient client, string key) =>
        client.PostFormAsync("/Account/Manage/EnableAuthenticator", "enable-authenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, stepOffset: -1) });

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(string recoveryCode)
    {
        var client = _harness.Browser();
        await client.SignInAsync(AdminEmail, AdminPassword);
        return await client.PostFormAsync("/Account/LoginWithRecoveryCode", "login-recovery-code",
            new Dictionary<string, string> { ["Input.Code"] = recoveryCode });
    }

    private static string SharedKey(string html) => WebUtility.HtmlDecode(SharedKeyElement().Match(html).Groups["key"].Value);

    private static List<string> RecoveryCodes(string html) => RecoveryCode().Matches(html).Select(m => m.Groups["code"].Value).ToList();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static string OtherThan(string code) => code == "000000" ? "111111" : "000000";

    [GeneratedRegex("""data-testid="shared-key">(?<key>[^<]+)</kbd>""")]
    private static partial Regex SharedKeyElement();

    [GeneratedRegex("""<li><code>(?<code>[^<]+)</code></li>""")]
    private static partial Regex RecoveryCode();
}
