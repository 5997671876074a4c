using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Numbers;

/// <summary>A real, migrated SQLite database that lives as long as its open connection; a fresh context per operation, as in the app.</summary>
internal sealed class InMemoryDatabase : IDbContextFactory<DashboardDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services;

    public InMemoryDatabase()
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<Operator>(OperatorPasswordPolicy.Apply).AddRoles<IdentityRole>();
        services.AddDbContextFactory<SqliteDashboardDbContext>(o => o.UseSqlite(_connection));
        _services = services.BuildServiceProvider();
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public DashboardDbContext CreateDbContext() => _services.GetRequiredService<IDbContextFactory<SqliteDashboardDbContext>>().CreateDbContext();

    public async Task<int> AddCustomerAsync(string name)
    {
        await using var db = CreateDbContext();
        var customer = new Customer { Name = name, CreatedAt = DateTime.UtcNow };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    public async Task AssignAsync(string numberId, int customerId)
    {
        await using var db = CreateDbContext();
        db.NumberAssignments.Add(new NumberAssignment { NumberId = numberId, CustomerId = customerId, AssignedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task<List<NumberAssignment>> AssignmentsAsync()
    {
        await using var db = CreateDbContext();
        return await db.NumberAssignments.AsNoTracking().ToListAsync();
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection.Dispose();
    }
}
