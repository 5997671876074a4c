using System.Net;
using Dashboard.Core.Audit;
using Dashboard.Tests.Infrastructure;
using static Dashboard.Tests.Infrastructure.Operators;

namespace Dashboard.Tests.OperatorManagement;

public sealed class SignInAuditTests : IAsyncLifetime
{
    private readonly OperatorHarness _harness = new();

    public Task InitializeAsync() => _harness.SetUpAsync();

    [Fact]
    public async Task A_sign_in_is_recorded_once_with_the_operator()
    {
        await _harness.Browser().SignInAsync(AdminEmail, AdminPassword);

        var entry = Assert.Single(await _harness.AuditAsync(AuditActions.SignInSucceeded));
        Assert.Equal((AdminEmail, (await _harness.FindAsync(AdminEmail)).Id), (entry.OperatorEmail, entry.OperatorId));
        Assert.Empty(await _harness.AuditAsync(AuditActions.SignInFailed));
    }

    [Fact]
    public async Task A_wrong_password_is_recorded_once_against_the_operator()
    {
        await _harness.Browser().SignInAsync(AdminEmail, "not the password at all");

        var entry = Assert.Single(await _harness.AuditAsync(AuditActions.SignInFailed));
        Assert.Equal(AdminEmail, entry.OperatorEmail);
        Assert.Empty(await _harness.AuditAsync(AuditActions.SignInSucceeded));
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_email_is_recorded_without_an_operator()
    {
        await _harness.Browser().SignInAsync("nobody@example.com", "whatever password");

        var entry = Assert.Single(await _harness.AuditAsync(AuditActions.SignInFailed));
        Assert.Null(entry.OperatorId);
        Assert.StartsWith("nobody@example.com", entry.Detail);
    }

    [Fact]
    public async Task The_attempt_that_locks_the_account_and_those_after_it_are_recorded_as_lockouts()
    {
        var client = _harness.Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(AdminEmail, $"wrong password {attempt}");
        }

        Assert.Equal(4, (await _harness.AuditAsync(AuditActions.SignInFailed)).Count);
        Assert.Single(await _harness.AuditAsync(AuditActions.SignInLockedOut));

        var rightPasswordWhileLocked = await client.SignInAsync(AdminEmail, AdminPassword);
        Assert.Equal("/Account/Lockout", rightPasswordWhileLocked.Target());
        Assert.Equal(2, (await _harness.AuditAsync(AuditActions.SignInLockedOut)).Count);
        Assert.Empty(await _harness.AuditAsync(AuditActions.SignInSucceeded));
    }

    [Fact]
    public async Task A_disabled_operators_attempt_is_recorded_as_a_failure_that_says_so()
    {
        var id = await _harness.CreateOperatorAsync("mia@example.com");
        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        await _harness.AdministerAsync(a => a.DisableAsync(admin, id));

        var signIn = await _harness.Browser().SignInAsync("mia@example.com", "support passphrase");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.EndsWith("account disabled", Assert.Single(await _harness.AuditAsync(AuditActions.SignInFailed)).Detail);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
