using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.LiveUpdates;

public sealed class NumberStateBookTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
    private readonly NumberEvents _events = new(NullLogger<NumberEvents>.Instance);
    private readonly List<NumberStateChanged> _raised = [];
    private readonly NumberStateBook _book;

    public NumberStateBookTests()
    {
        _book = new NumberStateBook(_events, _clock);
        _events.StateChanged += _raised.Add;
    }

    [Fact]
    public void The_first_list_only_notes_states_and_a_later_list_that_differs_is_a_change_found_by_polling()
    {
        _book.ObserveList(List(("n1", "OPEN"), ("n2", "CLOSE")));
        Assert.Empty(_raised);

        _clock.Advance(TimeSpan.FromSeconds(10));
        _book.ObserveList(List(("n1", "CLOSE"), ("n2", "CLOSE")));

        var change = Assert.Single(_raised);
        Assert.Equal(("n1", "Padaria n1", StatusChangeSource.Poll), (change.NumberId, change.Label, change.Source));
        Assert.True(change.IsDisconnectOfOpenNumber);
    }

    [Fact]
    public void An_event_wins_over_a_lagging_list_until_the_list_has_had_time_to_catch_up()
    {
        var first = List(("n1", "CLOSE"));
        _book.ObserveList(first);
        _book.Observe("n1", NumberState.Open, true, StatusChangeSource.Event, "number.connected");

        _clock.Advance(TimeSpan.FromSeconds(30));
        var lagging = List(("n1", "CLOSE"));
        _book.ObserveList(lagging);
        Assert.True(_book.Overriding(lagging.Numbers[0])!.State.IsOpen);
        Assert.Single(_raised); // The lagging list is not taken for a disconnect.

        _clock.Advance(NumberStateBook.ListLag);
        var later = List(("n1", "CLOSE"));
        _book.ObserveList(later);
        Assert.Null(_book.Overriding(later.Numbers[0]));
        Assert.Equal(2, _raised.Count);
        Assert.Equal(StatusChangeSource.Poll, _raised[1].Source);
    }

    [Fact]
    public void The_same_state_seen_again_raises_nothing_and_an_older_event_than_the_last_is_ignored()
    {
        _book.Observe("n1", NumberState.Open, true, StatusChangeSource.Event, "number.connected");
        _book.Observe("n1", NumberState.Open, true, StatusChangeSource.Poll, "live status");
        _book.Observe("n1", NumberState.Closed, false, StatusChangeSource.Event, "number.disconnected", _clock.GetUtcNow().AddMinutes(-5));

        Assert.Single(_raised);
        Assert.True(_book.Get("n1")!.State.IsOpen);
    }

    [Fact]
    public void The_list_shows_the_state_seen_live_so_counts_and_filters_agree_with_the_badge()
    {
        var index = new FleetIndex(_book);
        var list = List(("n1", "CLOSE"), ("n2", "CLOSE"));
        var assignments = new Dashboard.Core.Customers.AssignmentSnapshot(new Dictionary<string, int>(), new Dictionary<int, string>());
        Assert.All(index.Sorted(list, assignments, FleetSort.Name, false), r => Assert.True(r.Row.Number.State.IsClosed));

        _book.Observe("n2", NumberState.Open, true, StatusChangeSource.Event, "number.connected");

        var rows = index.Sorted(list, assignments, FleetSort.Name, false);
        Assert.True(rows.Single(r => r.Row.Number.Id == "n2").Row.Number.State.IsOpen);
        Assert.True(rows.Single(r => r.Row.Number.Id == "n1").Row.Number.State.IsClosed);
    }

    [Fact]
    public void A_subscriber_that_throws_does_not_keep_the_others_from_hearing_the_change()
    {
        var events = new NumberEvents(NullLogger<NumberEvents>.Instance);
        var heard = 0;
        events.StateChanged += _ => throw new InvalidOperationException("a page half torn down");
        events.StateChanged += _ => heard++;

        new NumberStateBook(events, _clock).Observe("n1", NumberState.Open, true, StatusChangeSource.Event, null);

        Assert.Equal(1, heard);
    }

    private NumberList List(params (string Id, string State)[] numbers) => new(
        numbers.Select(n => new WhatsAppNumber(n.Id, $"Padaria {n.Id}", null, "+5511999990000", new NumberProvider("PILOT_STATUS"),
            new NumberState(n.State), n.State == "OPEN", null, null, [])).ToList(),
        _clock.GetUtcNow());
}
