using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>Each provider's migrations must match the model: a change to an entity without a migration fails here.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = Create<SqliteDashboardDbContext>(o => o.UseSqlite("Data Source=:memory:"));

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteDashboardDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_SQL_Server_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = Create<SqlServerDashboardDbContext>(o => o.UseSqlServer("Server=(not-connected);Database=Dashboard"));

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerDashboardDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void The_PostgreSQL_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = Create<PostgreSqlDashboardDbContext>(o => o.UseNpgsql("Host=not-connected;Database=dashboard"));

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgreSqlDashboardDbContext --output-dir Data/Migrations/PostgreSql");
    }

    [Fact]
    public async Task SQLite_migrations_apply_to_an_empty_database_which_then_stores_operators()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = Create<SqliteDashboardDbContext>(o => o.UseSqlite(connection));

        await db.Database.MigrateAsync();
        db.Users.Add(new Operator { UserName = "a@example.com", Email = "a@example.com", DisplayName = "A", CreatedAt = DateTime.UtcNow });
        db.SetupMarkers.Add(new SetupMarker { CompletedAt = DateTime.UtcNow, AdministratorId = "x" });
        await db.SaveChangesAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(DateTimeKind.Utc, (await db.Users.SingleAsync()).CreatedAt.Kind);
    }

    [Fact]
    public async Task A_second_setup_marker_is_refused_by_the_database()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var first = Create<SqliteDashboardDbContext>(o => o.UseSqlite(connection)))
        {
            await first.Database.MigrateAsync();
            first.SetupMarkers.Add(new SetupMarker { CompletedAt = DateTime.UtcNow, AdministratorId = "a" });
            await first.SaveChangesAsync();
        }

        await using var second = Create<SqliteDashboardDbContext>(o => o.UseSqlite(connection));
        second.SetupMarkers.Add(new SetupMarker { CompletedAt = DateTime.UtcNow, AdministratorId = "b" });

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    // The Identity part of the model depends on IdentityOptions, so contexts are made as the app makes them.
    private static TContext Create<TContext>(Action<DbContextOptionsBuilder> configure)
        where TContext : DashboardDbContext
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<Operator>(OperatorPasswordPolicy.Apply).AddRoles<IdentityRole>();
        services.AddDbContext<TContext>(configure);
        return services.BuildServiceProvider().GetRequiredService<TContext>();
    }
}
