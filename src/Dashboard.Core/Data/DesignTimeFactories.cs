using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Data;

// Used by 'dotnet ef migrations add --context ...' only. The Identity model depends on IdentityOptions (its schema
// version), so the contexts are made the way the app makes them: from a service provider with the same options.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDashboardDbContext>
{
    public SqliteDashboardDbContext CreateDbContext(string[] args) =>
        DesignTime.Create<SqliteDashboardDbContext>(o => o.UseSqlite("Data Source=design-time.db"));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDashboardDbContext>
{
    public SqlServerDashboardDbContext CreateDbContext(string[] args) =>
        DesignTime.Create<SqlServerDashboardDbContext>(o => o.UseSqlServer("Server=(design-time);Database=Dashboard"));
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDashboardDbContext>
{
    public PostgreSqlDashboardDbContext CreateDbContext(string[] args) =>
        DesignTime.Create<PostgreSqlDashboardDbContext>(o => o.UseNpgsql("Host=design-time;Database=dashboard"));
}

internal static class DesignTime
{
    public static TContext Create<TContext>(Action<DbContextOptionsBuilder> configure)
        where TContext : DashboardDbContext
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<Operator>(OperatorPasswordPolicy.Apply);
        services.AddDbContext<TContext>(configure);
        return services.BuildServiceProvider().GetRequiredService<TContext>();
    }
}
