using System.Text;
using System.Text.Json;
using Dashboard.Core.Cluster;
using Dashboard.Core.Data;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.LiveUpdates;

/// <summary>
/// Two instances' inboxes and processors over one database: a delivery is stored once whichever instance gets it, and
/// processed once whichever instance claims it; events a dead instance held are taken over when its lease runs out.
/// </summary>
public sealed class DurableInboxTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
    private readonly TestDatabase _database = new();
    private readonly InProcessClusterHub _hub = new();
    private readonly LiveUpdatesOptions _options = new() { InboxBatchSize = 7, InboxLease = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_delivery_and_its_retries_to_either_instance_are_stored_once_and_answered_as_received()
    {
        var (a, b) = (Instance(), Instance());
        var body = Event("number.connected", "num_1", "2026-11-23T10:00:00Z");

        var outcomes = new[]
        {
            await a.Inbox.AcceptAsync(body, null), await b.Inbox.AcceptAsync(body, null), await a.Inbox.AcceptAsync(body, null),
        };

        Assert.Equal([InboxOutcome.Accepted, InboxOutcome.Duplicate, InboxOutcome.Duplicate], outcomes);
        Assert.Equal(1, await CountAsync(_ => true));
    }

    [Fact]
    public async Task Events_stored_on_both_instances_are_each_processed_exactly_once_and_every_instance_shows_them()
    {
        var (a, b) = (Instance(), Instance());
        for (var i = 0; i < 60; i++)
        {
            var target = i % 2 == 0 ? a : b;
            Assert.Equal(InboxOutcome.Accepted, await target.Inbox.AcceptAsync(Event("number.connected", $"n{i}", "2026-11-23T10:00:00Z"), null));
        }

        // The two processors take turns claiming batches, as they would race for them.
        while (await a.Processor.RunOnceAsync(CancellationToken.None) + await b.Processor.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(60, a.Inbox.Counters.Processed + b.Inbox.Counters.Processed);
        Assert.True(a.Inbox.Counters.Processed > 0 && b.Inbox.Counters.Processed > 0);
        Assert.Equal(60, await CountAsync(e => e.ProcessedAt != null && e.Claims == 1));
        Assert.All(Enumerable.Range(0, 60), i =>
        {
            Assert.True(a.States.Get($"n{i}")!.State.IsOpen);
            Assert.True(b.States.Get($"n{i}")!.State.IsOpen);
        });
    }

    [Fact]
    public async Task Events_claimed_by_an_instance_that_died_are_taken_over_when_its_lease_runs_out()
    {
        var (a, b) = (Instance(), Instance());
        for (var i = 0; i < 5; i++)
        {
            await a.Inbox.AcceptAsync(Event("number.disconnected", $"n{i}", "2026-11-23T10:00:00Z"), null);
        }

        await ClaimAsIfByAnInstanceThatThenDiedAsync();

        Assert.Equal(0, await b.Processor.RunOnceAsync(CancellationToken.None)); // Still leased to the dead one.
        _clock.Advance(_options.InboxLease + TimeSpan.FromSeconds(1));
        Assert.Equal(5, await b.Processor.RunOnceAsync(CancellationToken.None));

        Assert.Equal(5, await CountAsync(e => e.ProcessedAt != null && e.Claims == 2));
        Assert.Equal(0, await a.Inbox.PendingAsync());
    }

    [Fact]
    public async Task Processed_events_are_dropped_after_the_retention_and_a_retry_within_it_is_still_a_duplicate()
    {
        var a = Instance();
        var body = Event("number.connected", "num_1", "2026-11-23T10:00:00Z");
        await a.Inbox.AcceptAsync(body, null);
        await a.Processor.RunOnceAsync(CancellationToken.None);

        _clock.Advance(_options.InboxRetention - TimeSpan.FromMinutes(2));
        Assert.Equal(InboxOutcome.Duplicate, await a.Inbox.AcceptAsync(body, null));

        _clock.Advance(TimeSpan.FromMinutes(3));
        await a.Processor.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await CountAsync(_ => true));
    }

    private async Task ClaimAsIfByAnInstanceThatThenDiedAsync()
    {
        await using var db = _database.CreateDbContext();
        var until = _clock.GetUtcNow().UtcDateTime + _options.InboxLease;
        await db.InboxEvents.ExecuteUpdateAsync(s => s
            .SetProperty(e => e.ClaimToken, Guid.NewGuid()).SetProperty(e => e.ClaimedUntil, until).SetProperty(e => e.Claims, 1));
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<InboxEvent, bool>> where)
    {
        await using var db = _database.CreateDbContext();
        return await db.InboxEvents.CountAsync(where);
    }

    private (WebhookInbox Inbox, WebhookProcessor Processor, NumberStateBook States) Instance()
    {
        var options = Options.Create(_options);
        var bus = new InProcessClusterBus(_hub, NullLogger<InProcessClusterBus>.Instance);
        var inbox = new WebhookInbox(_database, options, _clock, NullLogger<WebhookInbox>.Instance);
        var states = new NumberStateBook(new NumberEvents(NullLogger<NumberEvents>.Instance), _clock, bus);
        var api = new ScriptedPilotStatusClient(_clock); // Events for numbers the tenant does not have are dropped.
        api.Numbers.AddRange(Enumerable.Range(0, 60).Select(i => ContractNumbers.Qr($"n{i}", $"+55119{i:00000000}")));
        api.Numbers.Add(ContractNumbers.Qr("num_1", "+5511999999001"));
        var processor = new WebhookProcessor(inbox, states, api, _database, options, _clock,
            NullLogger<WebhookProcessor>.Instance);
        return (inbox, processor, states);
    }

    private static byte[] Event(string name, string numberId, string createdAt) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { @event = name, data = new { id = numberId, numberId, createdAt } }));

    public void Dispose() => _database.Dispose();
}
