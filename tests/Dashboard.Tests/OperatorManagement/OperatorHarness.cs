using System.Net;
using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.OperatorManagement;

/// <summary>The app with its first administrator, and what operator tests keep asking of it.</summary>
public sealed class OperatorHarness : IAsyncDisposable
{
    public OperatorHarness(DashboardAppFactory? app = null) => App = app ?? new DashboardAppFactory();

    public WebApplicationFactory<Program> App { get; private set; }

    /// <summary>Replaces the app with one configured further (services replaced for a test), before first use.</summary>
    public void Configure(Func<WebApplicationFactory<Program>, WebApplicationFactory<Program>> configure) => App = configure(App);

    public HttpClient Browser() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task SetUpAsync()
    {
        var setup = await Browser().SetUpFirstAdministratorAsync();
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
    }

    /// <summary>The principal an operator's sign-in cookie carries, as pages and services receive it.</summary>
    public async Task<ClaimsPrincipal> PrincipalOfAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Operator>>();
        return await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
    }

    public async Task<T> AdministerAsync<T>(Func<OperatorAdministration, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OperatorAdministration>());
    }

    public async Task AdministerAsync(Func<OperatorAdministration, Task> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<OperatorAdministration>());
    }

    public async Task<string> CreateOperatorAsync(string email, string role = OperatorRoles.Support, string password = "support passphrase", IReadOnlyCollection<int>? customers = null)
    {
        var admin = await PrincipalOfAsync(Infrastructure.Operators.AdminEmail);
        var outcome = await AdministerAsync(a => a.CreateAsync(admin, new NewOperator(email, "Someone", role, password, customers)));
        Assert.True(outcome.Succeeded, outcome.Error);
        return (await FindAsync(email)).Id;
    }

    public async Task<Operator> FindAsync(string email)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    public async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
