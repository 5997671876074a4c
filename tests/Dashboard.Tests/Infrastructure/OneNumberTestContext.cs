using Dashboard.Browser;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A component about one number (a tab or card of its detail) over <see cref="FakePilotStatusClient"/>, a real database,
/// the fleet lookup it checks scope with, and the audit log it writes to. Subclasses add the service under test.
/// </summary>
public abstract class OneNumberTestContext : DashboardTestContext
{
    protected const string NumberId = "num-padaria";

    protected OneNumberTestContext()
    {
        Api.Numbers.Add(FakePilotStatusClient.Number(NumberId, "Padaria Estrela", "+5511982056555"));
        Services.AddSingleton<IPilotStatusClient>(Api);
        Services.AddSingleton<IDbContextFactory<DashboardDbContext>>(Database);
        Services.AddSingleton<FleetIndex>();
        Services.AddTransient<NumberFleet>();
        Services.AddLogging();
        Services.AddScoped<RequestOrigin>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<ClipboardService>();
        Services.AddScoped<BrowserTimeZone>();
    }

    internal FakePilotStatusClient Api { get; } = new();

    internal TestDatabase Database { get; } = new();

    protected override void Dispose(bool disposing)
    {
        Database.Dispose();
        base.Dispose(disposing);
    }
}
