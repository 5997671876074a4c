using Dashboard.Browser;
using Dashboard.Core.Audit;
using Dashboard.Core.Connect;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Numbers;

/// <summary>The real number services over a scripted Pilot Status client and a real database, for the detail panel and dialogs.</summary>
public abstract class NumberComponentTestContext : DashboardTestContext
{
    protected NumberComponentTestContext()
    {
        Api = new ScriptedPilotStatusClient(Clock);
        Services.AddSingleton<IPilotStatusClient>(Api);
        Services.AddSingleton<IDbContextFactory<DashboardDbContext>>(Database);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<OperatorScopes>();
        Services.AddSingleton<Dashboard.Core.LiveUpdates.NumberStateBook>();
        Services.AddSingleton<Dashboard.Core.LiveUpdates.NumberTimeline>();
        Services.AddSingleton<FleetIndex>();
        Services.AddTransient<NumberFleet>();
        Services.AddSingleton<DuplicateSubmitGuard>();
        Services.AddTransient<NumberAdministration>();
        Services.AddSingleton<Dashboard.Core.Settings.DashboardSettings>();
        Services.AddTransient<Dashboard.Core.Messages.TestSends>();
        Services.AddTransient<Dashboard.Core.Webhooks.NumberWebhooks>();
        Services.AddLogging();
        Services.AddScoped<RequestOrigin>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<PairingLinks>();
        Services.AddTransient<CustomerAdministration>();
        Services.AddScoped<ClipboardService>();
        Services.AddScoped<BrowserTimeZone>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ConnectOptions()));
        Services.AddSingleton<ILogger<ConnectSession>>(NullLogger<ConnectSession>.Instance);
        Services.AddTransient<ConnectSessions>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new global::PilotStatus.Sandbox.SandboxOptions()));
        Services.AddSingleton<Dashboard.Sandbox.SandboxHost>();
    }

    /// <summary>Three hours after the contract's Meta example was fetched.</summary>
    internal FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-06-30T12:18:33Z"));

    internal ScriptedPilotStatusClient Api { get; }

    internal TestDatabase Database { get; } = new();

    /// <summary>Signs in as Support, allowed to see one customer that owns <paramref name="numberId"/>.</summary>
    protected async Task SignInAsSupportOfAsync(string numberId)
    {
        var customerId = await Database.AddCustomerAsync("Padaria Estrela");
        await Database.AssignAsync(numberId, customerId);
        await using var db = Database.CreateDbContext();
        db.Users.Add(new Operator { Id = "operator-1", UserName = "ana@example.com", Email = "ana@example.com", DisplayName = "Ana", CreatedAt = DateTime.UtcNow });
        db.OperatorCustomers.Add(new OperatorCustomer { OperatorId = "operator-1", CustomerId = customerId });
        await db.SaveChangesAsync();
        SignIn(OperatorRoles.Support);
    }

    protected override void Dispose(bool disposing)
    {
        Database.Dispose();
        base.Dispose(disposing);
    }
}
