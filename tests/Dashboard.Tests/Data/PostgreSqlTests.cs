using System.Text;
using System.Text.Json;
using Dashboard.Core.Cluster;
using Dashboard.Core.Data;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Operators;
using Dashboard.Core.Setup;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Tests.Data;

/// <summary>Against a real PostgreSQL, each test in a database of its own that it drops afterwards.</summary>
public sealed class PostgreSqlTests : IAsyncLifetime
{
    private readonly string _name = "dashboard_test_" + Guid.NewGuid().ToString("N")[..12];
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.Connection is not { } server)
        {
            return;
        }

        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<Operator>(OperatorPasswordPolicy.Apply).AddRoles<IdentityRole>();
        services.AddDbContextFactory<PostgreSqlDashboardDbContext>(o =>
            o.UseNpgsql(new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is null)
        {
            return;
        }

        await _services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresFactAttribute.Connection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task Migrations_apply_to_an_empty_database_which_then_stores_operators_with_utc_times()
    {
        await using var db = Contexts.CreateDbContext();
        await db.Database.MigrateAsync();

        db.Users.Add(new Operator { UserName = "a@example.com", Email = "a@example.com", DisplayName = "A", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(DateTimeKind.Utc, (await db.Users.SingleAsync()).CreatedAt.Kind);
    }

    [PostgresFact]
    public async Task Two_processors_racing_for_the_same_stored_events_process_each_exactly_once()
    {
        await using (var db = Contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var options = Options.Create(new LiveUpdatesOptions { InboxBatchSize = 20 });
        var hub = new InProcessClusterHub();
        var instances = Enumerable.Range(0, 2).Select(_ =>
        {
            var inbox = new WebhookInbox(Contexts, options, TimeProvider.System, NullLogger<WebhookInbox>.Instance);
            var states = new NumberStateBook(new NumberEvents(NullLogger<NumberEvents>.Instance), TimeProvider.System,
                new InProcessClusterBus(hub, NullLogger<InProcessClusterBus>.Instance));
            return (Inbox: inbox, Processor: new WebhookProcessor(inbox, states, new ScriptedPilotStatusClient(TimeProvider.System), Contexts,
                options, TimeProvider.System, NullLogger<WebhookProcessor>.Instance));
        }).ToArray();

        // Each delivery is sent to both instances at once, as a retry racing the first attempt would be.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).SelectMany(i => instances.Select(instance =>
            instance.Inbox.AcceptAsync(Event($"n{i}"), null))));
        Assert.Equal(300, outcomes.Count(o => o == InboxOutcome.Accepted));
        Assert.Equal(300, outcomes.Count(o => o == InboxOutcome.Duplicate));

        await Task.WhenAll(instances.Select(instance => Task.Run(async () =>
        {
            while (await instance.Processor.RunOnceAsync(CancellationToken.None) > 0 || await instance.Inbox.PendingAsync() > 0)
            {
            }
        })));

        Assert.Equal(300, instances.Sum(i => i.Inbox.Counters.Processed));
        await using var check = Contexts.CreateDbContext();
        Assert.Equal(300, await check.InboxEvents.CountAsync(e => e.ProcessedAt != null && e.Claims == 1));
    }

    private Factory Contexts => new(_services!.GetRequiredService<IDbContextFactory<PostgreSqlDashboardDbContext>>());

    private static byte[] Event(string numberId) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
        new { @event = "number.connected", data = new { id = numberId, numberId, createdAt = "2026-11-23T10:00:00Z" } }));

    private sealed class Factory(IDbContextFactory<PostgreSqlDashboardDbContext> inner) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
