using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A migrated in-memory SQLite database that lives as long as this object, with a context factory over it.</summary>
public sealed class TestDatabase : IDbContextFactory<DashboardDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services;

    /// <param name="interceptors">EF Core interceptors for every context, e.g. a <see cref="DatabasePause"/>.</param>
    public TestDatabase(params IInterceptor[] interceptors)
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<Operator>(OperatorPasswordPolicy.Apply).AddRoles<IdentityRole>();
        services.AddDbContextFactory<SqliteDashboardDbContext>(o => o.UseSqlite(_connection).AddInterceptors(interceptors));
        _services = services.BuildServiceProvider();
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public DashboardDbContext CreateDbContext() => _services.GetRequiredService<IDbContextFactory<SqliteDashboardDbContext>>().CreateDbContext();

    public void Dispose()
    {
        _services.Dispose();
        _connection.Dispose();
    }
}
