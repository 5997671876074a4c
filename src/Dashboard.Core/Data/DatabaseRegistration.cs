using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Data;

internal static class DatabaseRegistration
{
    /// <summary>
    /// Every provider is registered; the configured one is picked when the first context is made, so tests and
    /// hosts that add configuration late still get what they configured.
    /// </summary>
    public static IServiceCollection AddDashboardDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddDbContextFactory<SqliteDashboardDbContext>((sp, options) =>
            options.UseSqlite(SqliteConnectionString(sp)));
        services.AddDbContextFactory<SqlServerDashboardDbContext>((sp, options) =>
            options.UseSqlServer(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
                sql => sql.EnableRetryOnFailure()));
        services.AddDbContextFactory<PostgreSqlDashboardDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));

        services.AddSingleton<IDbContextFactory<DashboardDbContext>>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.SqlServer => new UpcastFactory<SqlServerDashboardDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerDashboardDbContext>>()),
                DatabaseProvider.PostgreSql => new UpcastFactory<PostgreSqlDashboardDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlDashboardDbContext>>()),
                _ => new UpcastFactory<SqliteDashboardDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteDashboardDbContext>>()),
            });

        // Identity's stores want a scoped context; everything else takes short-lived ones from the factory.
        services.AddScoped<DashboardDbContext>(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>A relative SQLite path is taken from the app's content root, and its folder is created if missing.</summary>
    private static string SqliteConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<DashboardDbContext>
        where TContext : DashboardDbContext
    {
        public DashboardDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
