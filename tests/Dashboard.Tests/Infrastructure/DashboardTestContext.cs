using Bunit;
using Bunit.TestDoubles;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Tests.Infrastructure;

/// <summary>The shared bUnit context: MudBlazor, loose JS interop, English UI text and a signed-in operator.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton<IOperatorPreferences>(Preferences);
        Services.AddSingleton(Options.Create(PilotStatus));

        // The layout listens for disconnects on every page. Tests with a database register their own factory after this one.
        Services.AddSingleton(Events);
        Services.AddSingleton<IDbContextFactory<DashboardDbContext>, NoDatabase>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<OperatorScopes>();
        Services.AddSingleton<CustomerDirectory>();
        Auth = AddAuthorization();
        SignIn(OperatorRoles.Administrator);
    }

    /// <summary>Signs the fake operator in with one role; bUnit replaces claims and roles on each call, so both are set here.</summary>
    protected void SignIn(string role, params System.Security.Claims.Claim[] claims)
    {
        Auth.SetAuthorized("ana@example.com");
        Auth.SetRoles(role);
        Auth.SetClaims([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "operator-1"), .. claims]);
    }

    protected BunitAuthorizationContext Auth { get; }

    internal NumberEvents Events { get; } = new(NullLogger<NumberEvents>.Instance);

    protected FakeOperatorPreferences Preferences { get; } = new();

    protected PilotStatusOptions PilotStatus { get; } = new();

    // As in a circuit (pages leave Pilot Status alone while prerendering). Here, not in the constructor: it builds the
    // renderer, after which derived contexts could no longer register their services.
    Task IAsyncLifetime.InitializeAsync()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    // MudBlazor's services are async-disposable only; xUnit must take the async path.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}

internal sealed class NoDatabase : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => throw new InvalidOperationException("This test has no database; register a TestDatabase.");
}

public sealed class FakeOperatorPreferences : IOperatorPreferences
{
    public Dictionary<string, ThemePreference> Saved { get; } = [];

    public Task<ThemePreference> GetThemeAsync(string operatorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Saved.GetValueOrDefault(operatorId, ThemePreference.System));

    public Task SetThemeAsync(string operatorId, ThemePreference theme, CancellationToken cancellationToken = default)
    {
        Saved[operatorId] = theme;
        return Task.CompletedTask;
    }
}
