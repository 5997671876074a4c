using Dashboard.Core.Customers;
using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Data;

/// <summary>
/// Everything the dashboard stores locally. Each database provider has a subclass carrying its own migrations
/// (<see cref="SqliteDashboardDbContext"/>, <see cref="SqlServerDashboardDbContext"/>, <see cref="PostgreSqlDashboardDbContext"/>);
/// code depends on this base type only.
/// </summary>
public abstract class DashboardDbContext(DbContextOptions options)
    : IdentityDbContext<Operator, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<SetupMarker> SetupMarkers => Set<SetupMarker>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<NumberAssignment> NumberAssignments => Set<NumberAssignment>();

    public DbSet<OperatorCustomer> OperatorCustomers => Set<OperatorCustomer>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    public DbSet<Settings.DashboardSetting> DashboardSettings => Set<Settings.DashboardSetting>();

    public DbSet<Numbers.NumberStatusChange> NumberStatusChanges => Set<Numbers.NumberStatusChange>();

    /// <summary>Webhook deliveries stored before they are answered, claimed by one instance each for processing.</summary>
    public DbSet<LiveUpdates.InboxEvent> InboxEvents => Set<LiveUpdates.InboxEvent>();

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as UTC and read back as UTC, whatever the provider keeps of DateTime.Kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

public sealed class SqliteDashboardDbContext(DbContextOptions<SqliteDashboardDbContext> options) : DashboardDbContext(options);

public sealed class SqlServerDashboardDbContext(DbContextOptions<SqlServerDashboardDbContext> options) : DashboardDbContext(options);

public sealed class PostgreSqlDashboardDbContext(DbContextOptions<PostgreSqlDashboardDbContext> options) : DashboardDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The shared configuration's filter is written in SQL Server's and SQLite's quoting.
        builder.Entity<Customer>().HasIndex(c => c.ExternalReference).HasFilter("\"ExternalReference\" IS NOT NULL");
    }
}
