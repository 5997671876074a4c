using System.Security.Claims;
using Dashboard.Components.Account;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.Infrastructure.Operators;

namespace Dashboard.Tests.OperatorManagement;

/// <summary>
/// A page keeps the scope it got when it opened. An administrator's change reaches that scope at the circuit's next
/// re-check (within a minute): customers taken away stop being visible, and a disabled or demoted operator sees nothing.
/// </summary>
public sealed class LiveScopeTests : IAsyncLifetime
{
    private readonly OperatorHarness _harness = new();

    public Task InitializeAsync() => _harness.SetUpAsync();

    [Fact]
    public async Task A_customer_taken_from_support_disappears_from_the_scope_an_open_page_holds()
    {
        var (acme, globex) = (await AddCustomerAsync("Acme"), await AddCustomerAsync("Globex"));
        var id = await _harness.CreateOperatorAsync("rita@example.com", customers: [acme, globex]);
        await using var circuit = Circuit(out var scopes, out var revalidation);
        var user = await _harness.PrincipalOfAsync("rita@example.com");
        var heldByThePage = await scopes.ForAsync(user);
        Assert.True(heldByThePage.CanSee(acme));

        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        await _harness.AdministerAsync(a => a.ChangeAsync(admin, id, OperatorRoles.Support, [globex]));
        Assert.True(await revalidation.RevalidateAsync(user));

        Assert.False(heldByThePage.CanSee(acme));
        Assert.True(heldByThePage.CanSee(globex));
    }

    [Fact]
    public async Task A_disabled_operators_open_page_sees_nothing_and_may_do_nothing_after_the_recheck()
    {
        var id = await _harness.CreateOperatorAsync("otto@example.com", role: OperatorRoles.Operator);
        await using var circuit = Circuit(out var scopes, out var revalidation);
        var user = await _harness.PrincipalOfAsync("otto@example.com");
        var heldByThePage = await scopes.ForAsync(user);
        Assert.True(heldByThePage.SeesEverything && heldByThePage.CanManageNumbers);

        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        await _harness.AdministerAsync(a => a.DisableAsync(admin, id));
        Assert.False(await revalidation.RevalidateAsync(user));

        Assert.True(heldByThePage.IsRevoked);
        Assert.False(heldByThePage.SeesEverything);
        Assert.False(heldByThePage.CanSee(null));
        Assert.False(heldByThePage.CanManageNumbers || heldByThePage.CanManageCustomers || heldByThePage.CanManageOperators);
    }

    [Fact]
    public async Task A_demoted_operators_open_page_loses_what_the_old_role_allowed()
    {
        var acme = await AddCustomerAsync("Acme");
        var id = await _harness.CreateOperatorAsync("dani@example.com", role: OperatorRoles.Administrator);
        await using var circuit = Circuit(out var scopes, out var revalidation);
        var user = await _harness.PrincipalOfAsync("dani@example.com");
        var heldByThePage = await scopes.ForAsync(user);
        Assert.True(heldByThePage.CanManageOperators);

        var admin = await _harness.PrincipalOfAsync(AdminEmail);
        await _harness.AdministerAsync(a => a.ChangeAsync(admin, id, OperatorRoles.Support, [acme]));
        await revalidation.RevalidateAsync(user);

        Assert.False(heldByThePage.CanManageOperators);
        Assert.False(heldByThePage.CanManageNumbers);
        Assert.False(heldByThePage.SeesEverything);
    }

    [Fact]
    public async Task A_page_asking_for_a_scope_after_its_operator_was_signed_out_gets_one_that_sees_nothing_instead_of_an_error()
    {
        await using var circuit = Circuit(out var scopes, out _);

        var scope = await scopes.ForAsync(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.True(scope.IsRevoked);
        Assert.False(scope.CanSee(null));
        Assert.False(scope.CanManageNumbers);
    }

    /// <summary>One circuit's services: its scopes and its periodic sign-in check share the circuit's DI scope.</summary>
    private AsyncServiceScope Circuit(out OperatorScopes scopes, out IdentityRevalidatingAuthenticationStateProvider revalidation)
    {
        var circuit = _harness.App.Services.CreateAsyncScope();
        scopes = circuit.ServiceProvider.GetRequiredService<OperatorScopes>();
        revalidation = (IdentityRevalidatingAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return circuit;
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
