using Dashboard.Core.Cluster;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Core.Settings;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Cluster;

/// <summary>Two instances in one process, on one in-process hub and one database: what one learns, the other shows.</summary>
public sealed class ClusterBusTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
    private readonly TestDatabase _database = new();
    private readonly InProcessClusterHub _hub = new();

    [Fact]
    public void A_state_seen_on_one_instance_is_raised_on_the_other_as_told_not_as_seen_there()
    {
        var (a, b) = (Instance(), Instance());
        var heardOnB = new List<NumberStateChanged>();
        b.Events.StateChanged += heardOnB.Add;
        b.Book.ObserveList(List(("n1", "OPEN")));

        a.Book.Observe("n1", NumberState.Closed, ready: false, StatusChangeSource.Event, "number.disconnected", _clock.GetUtcNow());

        var change = Assert.Single(heardOnB);
        Assert.Equal(("n1", NumberState.Open, NumberState.Closed, "number.disconnected"), (change.NumberId, change.From, change.To, change.Detail));
        Assert.True(change.IsDisconnectOfOpenNumber);
        Assert.True(change.FromOtherInstance); // So B's timeline recorder leaves it to A.
        Assert.Equal(NumberState.Closed, b.Book.Get("n1")!.State);
        Assert.NotNull(b.Book.Overriding(List(("n1", "OPEN")).Numbers[0])); // B's list shows what A saw.
    }

    [Fact]
    public void An_older_state_told_by_another_instance_does_not_overwrite_a_newer_one_seen_here()
    {
        var (a, b) = (Instance(), Instance());
        b.Book.Observe("n1", NumberState.Open, ready: true, StatusChangeSource.Event, "number.connected", _clock.GetUtcNow());

        a.Book.Observe("n1", NumberState.Closed, ready: false, StatusChangeSource.Event, "number.disconnected", _clock.GetUtcNow().AddMinutes(-1));

        Assert.Equal(NumberState.Open, b.Book.Get("n1")!.State);
    }

    [Fact]
    public async Task Requiring_two_factors_on_one_instance_applies_on_the_other_at_once()
    {
        var (a, b) = (Instance(), Instance());
        Assert.False(await b.TwoFactor.IsRequiredAsync());

        await a.Settings.SetFlagAsync(DashboardSettingKeys.RequireTwoFactor, true, changedBy: "admin");

        Assert.True(await b.TwoFactor.IsRequiredAsync());
    }

    [Fact]
    public void An_operator_changed_on_one_instance_is_rechecked_on_the_other()
    {
        var (a, b) = (new OperatorChanges(Bus()), new OperatorChanges(Bus()));
        var heard = new List<string?>();
        b.Changed += heard.Add;

        a.Tell("operator-7");

        Assert.Equal(["operator-7"], heard);
    }

    [Fact]
    public void A_signal_is_not_handed_back_to_the_instance_that_sent_it()
    {
        var bus = Bus();
        var other = Bus();
        var heard = 0;
        bus.Subscribe(ClusterTopic.Customers, _ => heard++);

        bus.Publish(ClusterTopic.Customers);
        Assert.Equal(0, heard);

        other.Publish(ClusterTopic.Customers);
        Assert.Equal(1, heard);
    }

    private (NumberEvents Events, NumberStateBook Book, DashboardSettings Settings, TwoFactorRequirement TwoFactor) Instance()
    {
        var bus = Bus();
        var events = new NumberEvents(NullLogger<NumberEvents>.Instance);
        var settings = new DashboardSettings(_database, _clock, bus);
        return (events, new NumberStateBook(events, _clock, bus), settings, new TwoFactorRequirement(settings, bus));
    }

    private InProcessClusterBus Bus() => new(_hub, NullLogger<InProcessClusterBus>.Instance);

    private NumberList List(params (string Id, string State)[] numbers) => new(
        [.. numbers.Select(n => Numbers.ContractNumbers.Qr(n.Id, "+551190000000" + n.Id[^1]) with { State = new NumberState(n.State) })],
        _clock.GetUtcNow());

    public void Dispose() => _database.Dispose();
}
