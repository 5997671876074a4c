using System.Net;
using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.Infrastructure.Operators;

namespace Dashboard.Tests.OperatorManagement;

public sealed class OperatorAdministrationTests : IAsyncLifetime
{
    private readonly OperatorHarness _harness = new();

    public Task InitializeAsync() => _harness.SetUpAsync();

    [Fact]
    public async Task An_operator_created_with_a_password_signs_in_with_it_and_the_creation_is_audited_once()
    {
        await _harness.CreateOperatorAsync("bia@example.com", OperatorRoles.Operator, "bia's own passphrase");

        var signIn = await _harness.Browser().SignInAsync("bia@example.com", "bia's own passphrase");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var entry = Assert.Single(await _harness.AuditAsync(AuditActions.OperatorCreated));
        Assert.Equal(AdminEmail, entry.OperatorEmail);
        Assert.Contains("bia@example.com", entry.Detail);
        Assert.Contains(OperatorRoles.Operator, entry.Detail);
    }

    [Fact]
    public async Task An_operator_created_without_a_password_gets_a_one_time_link_that_sets_it()
    {
        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        var outcome = await _harness.AdministerAsync(a => a.CreateAsync(admin, new NewOperator("caio@example.com", "Caio", OperatorRoles.Support, null)));
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.StartsWith("Account/ResetPassword?email=caio%40example.com&code=", outcome.SetPasswordLink);

        var client = _harness.Browser();
        var code = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost/"), outcome.SetPasswordLink).Query)["code"]!;
        var set = await client.PostFormAsync("/" + outcome.SetPasswordLink, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = "caio@example.com",
            ["Input.Code"] = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(code)),
            ["Input.Password"] = "caio chose this one",
            ["Input.ConfirmPassword"] = "caio chose this one",
        });

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("caio@example.com", "caio chose this one")).StatusCode);
    }

    [Fact]
    public async Task A_support_operator_sees_only_the_customers_assigned_to_them()
    {
        var (acme, globex) = (await AddCustomerAsync("Acme"), await AddCustomerAsync("Globex"));
        var id = await _harness.CreateOperatorAsync("dora@example.com", customers: [acme]);

        await using var before = _harness.App.Services.CreateAsyncScope();
        var scope = await before.ServiceProvider.GetRequiredService<OperatorScopes>().ForAsync(await _harness.PrincipalOfAsync("dora@example.com"));
        Assert.True(scope.CanSee(acme));
        Assert.False(scope.CanSee(globex));

        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        Assert.True((await _harness.AdministerAsync(a => a.ChangeAsync(admin, id, OperatorRoles.Support, [globex]))).Succeeded);

        await using var after = _harness.App.Services.CreateAsyncScope();
        scope = await after.ServiceProvider.GetRequiredService<OperatorScopes>().ForAsync(await _harness.PrincipalOfAsync("dora@example.com"));
        Assert.Equal(new[] { globex }, scope.CustomerIds!.Order());
        var change = Assert.Single(await _harness.AuditAsync(AuditActions.OperatorChanged));
        Assert.Contains($"customers {globex}", change.Detail);
        var listed = (await _harness.AdministerAsync(a => a.ListAsync(admin))).Single(o => o.Email == "dora@example.com");
        Assert.Equal(OperatorRoles.Support, listed.Role);
        Assert.Equal(new[] { globex }, listed.CustomerIds);
    }

    [Fact]
    public async Task A_role_change_is_audited_once_and_ends_the_operators_session()
    {
        var id = await _harness.CreateOperatorAsync("eva@example.com");
        var before = (await _harness.FindAsync("eva@example.com")).SecurityStamp;
        var admin = await _harness.PrincipalOfAsync(AdminEmail);

        Assert.True((await _harness.AdministerAsync(a => a.ChangeAsync(admin, id, OperatorRoles.Operator, []))).Succeeded);

        Assert.Equal(OperatorRoles.Operator, (await _harness.AdministerAsync(a => a.ListAsync(admin))).Single(o => o.Id == id).Role);
        Assert.NotEqual(before, (await _harness.FindAsync("eva@example.com")).SecurityStamp);
        Assert.Contains("Support → Operator", Assert.Single(await _harness.AuditAsync(AuditActions.OperatorChanged)).Detail);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_or_demote_themselves()
    {
        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        var adminId = (await _harness.FindAsync(AdminEmail)).Id;

        var disable = await _harness.AdministerAsync(a => a.DisableAsync(admin, adminId));
        var demote = await _harness.AdministerAsync(a => a.ChangeAsync(admin, adminId, OperatorRoles.Operator, []));

        Assert.Equal("You cannot disable yourself. Ask another administrator.", disable.Error);
        Assert.Equal("You cannot take the Administrator role from yourself. Ask another administrator.", demote.Error);
        Assert.Null((await _harness.FindAsync(AdminEmail)).DisabledAt);
        Assert.Empty(await _harness.AuditAsync(AuditActions.OperatorChanged));
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_demoted_even_by_one_whose_session_predates_losing_the_role()
    {
        var bruno = await _harness.CreateOperatorAsync("bruno@example.com", OperatorRoles.Administrator);
        var ana = await _harness.PrincipalOfAsync(AdminEmail);
        var brunoStillAdministrator = await _harness.PrincipalOfAsync("bruno@example.com");
        var anaId = (await _harness.FindAsync(AdminEmail)).Id;
        Assert.True((await _harness.AdministerAsync(a => a.ChangeAsync(brunoStillAdministrator, anaId, OperatorRoles.Operator, []))).Succeeded);

        // Ana's page was opened while she was an administrator; Bruno is now the only one.
        var demote = await _harness.AdministerAsync(a => a.ChangeAsync(ana, bruno, OperatorRoles.Support, []));
        var disable = await _harness.AdministerAsync(a => a.DisableAsync(ana, bruno));

        Assert.Equal("This is the last administrator. Make someone else an administrator first.", demote.Error);
        Assert.Equal(demote.Error, disable.Error);
    }

    [Fact]
    public async Task Only_administrators_may_manage_operators()
    {
        await _harness.CreateOperatorAsync("fabi@example.com", OperatorRoles.Operator);
        var operatorRole = await _harness.PrincipalOfAsync("fabi@example.com");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _harness.AdministerAsync(a => a.ListAsync(operatorRole)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            _harness.AdministerAsync(a => a.CreateAsync(operatorRole, new NewOperator("x@example.com", "X", OperatorRoles.Administrator, "long enough password"))));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _harness.AdministerAsync(a => a.SetTwoFactorRequiredAsync(operatorRole, true)));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_sentence_that_says_what_to_do()
    {
        var admin = await _harness.PrincipalOfAsync(AdminEmail);

        var noEmail = await _harness.AdministerAsync(a => a.CreateAsync(admin, new NewOperator("not an email", "X", OperatorRoles.Support, null)));
        var shortPassword = await _harness.AdministerAsync(a => a.CreateAsync(admin, new NewOperator("g@example.com", "G", OperatorRoles.Support, "short")));
        var duplicate = await _harness.AdministerAsync(a => a.CreateAsync(admin, new NewOperator(AdminEmail, "Again", OperatorRoles.Support, null)));

        Assert.Equal("Enter the operator's email address, such as maria@example.com.", noEmail.Error);
        Assert.StartsWith("The initial password must be at least 12 characters long", shortPassword.Error);
        Assert.Equal("An operator with this email already exists.", duplicate.Error);
        Assert.Empty(await _harness.AuditAsync(AuditActions.OperatorCreated));
    }

    [Fact]
    public async Task A_disabled_operator_cannot_sign_in_until_enabled_again_and_each_change_is_audited_once()
    {
        var id = await _harness.CreateOperatorAsync("gil@example.com");
        var admin = await _harness.PrincipalOfAsync(AdminEmail);

        Assert.True((await _harness.AdministerAsync(a => a.DisableAsync(admin, id))).Succeeded);
        var refused = await _harness.Browser().SignInAsync("gil@example.com", "support passphrase");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This account has been disabled. Ask an administrator to enable it.", await refused.Content.ReadAsStringAsync());
        Assert.NotNull((await _harness.AdministerAsync(a => a.ListAsync(admin))).Single(o => o.Id == id).DisabledAt);

        Assert.True((await _harness.AdministerAsync(a => a.EnableAsync(admin, id))).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await _harness.Browser().SignInAsync("gil@example.com", "support passphrase")).StatusCode);
        Assert.Contains("gil@example.com", Assert.Single(await _harness.AuditAsync(AuditActions.OperatorDisabled)).Detail);
        Assert.Single(await _harness.AuditAsync(AuditActions.OperatorEnabled));
    }

    [Fact]
    public async Task A_password_reset_link_is_audited_once()
    {
        var id = await _harness.CreateOperatorAsync("hugo@example.com");
        var admin = await _harness.PrincipalOfAsync(AdminEmail);

        var outcome = await _harness.AdministerAsync(a => a.CreatePasswordResetLinkAsync(admin, id));

        Assert.StartsWith("Account/ResetPassword?email=hugo%40example.com", outcome.SetPasswordLink);
        Assert.Equal("hugo@example.com", Assert.Single(await _harness.AuditAsync(AuditActions.OperatorPasswordReset)).Detail);
    }

    [Fact]
    public async Task Requiring_two_factor_sign_in_is_audited_once_per_change()
    {
        var admin = await _harness.PrincipalOfAsync(AdminEmail);

        await _harness.AdministerAsync(a => a.SetTwoFactorRequiredAsync(admin, true));
        await _harness.AdministerAsync(a => a.SetTwoFactorRequiredAsync(admin, true));

        Assert.True(await _harness.AdministerAsync(a => a.IsTwoFactorRequiredAsync()));
        Assert.Equal("required for every operator", Assert.Single(await _harness.AuditAsync(AuditActions.TwoFactorRequirementChanged)).Detail);
    }

    private async Task<int> AddCustomerAsync(string name)
    {
        await using var db = await _harness.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var customer = new Customer { Name = name, CreatedAt = DateTime.UtcNow };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
