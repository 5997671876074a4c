using System.Collections.Concurrent;
using Dashboard.Core.Cluster;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.LiveUpdates;

/// <summary>What the dashboard last knew of one number's state, and where from.</summary>
/// <param name="FromList">Read from the (possibly lagging) number list rather than seen live or told by an event.</param>
public sealed record KnownState(NumberState State, bool Ready, DateTimeOffset At, StatusChangeSource Source, bool FromList, string Label);

/// <summary>
/// The latest known state of every number, shared by all circuits. The number list may lag behind the live state, so a
/// state seen live (an event, <c>/status</c>, the connect wizard) wins over the list for <see cref="ListLag"/>; after
/// that the list is believed again. Every change it notices is raised once on <see cref="NumberEvents"/>. A state seen live
/// is also told to every other instance, whose book takes it as if seen there, so every instance shows the same state.
/// </summary>
public sealed class NumberStateBook
{
    private readonly NumberEvents events;
    private readonly TimeProvider clock;
    private readonly IClusterBus? _cluster;

    public NumberStateBook(NumberEvents events, TimeProvider clock, IClusterBus? cluster = null)
    {
        (this.events, this.clock, _cluster) = (events, clock, cluster);
        cluster?.Subscribe(ClusterTopic.NumberState, signal =>
        {
            if (signal.Change is { } change)
            {
                Apply(change.ToChange() with { FromOtherInstance = true }, publish: false);
            }
        });
    }

    /// <summary>How long the list may trail a state seen live. Pilot Status does not say; the sandbox lags 30 s.</summary>
    public static readonly TimeSpan ListLag = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, KnownState> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private NumberList? _lastList;
    private long _version;

    public NumberEvents Events => events;

    /// <summary>Changes whenever a state seen live changes what the list should show; joins of the list key on it.</summary>
    public long Version => Interlocked.Read(ref _version);

    public KnownState? Get(string numberId) => _known.GetValueOrDefault(numberId);

    /// <summary>The state to show instead of the listed one, or null to show the list's.</summary>
    public KnownState? Overriding(WhatsAppNumber listed) =>
        _known.TryGetValue(listed.Id, out var known) && !known.FromList && known.State != listed.State && known.State != NumberStateChanged.Removed
            ? known
            : null;

    /// <summary>Records a state seen live; raises and returns the change, or null when nothing changed.</summary>
    /// <param name="at">When it happened (an event's <c>createdAt</c>); an observation older than the one held is ignored.</param>
    public NumberStateChanged? Observe(
        string numberId, NumberState state, bool ready, StatusChangeSource source, string? detail, DateTimeOffset? at = null) =>
        Apply(new NumberStateChanged(numberId, numberId, null, state, ready, at ?? clock.GetUtcNow(), source, detail), publish: true);

    /// <summary>Records <paramref name="seen"/> (its From and Label are filled in from what is known here).</summary>
    private NumberStateChanged? Apply(NumberStateChanged seen, bool publish)
    {
        var (numberId, state, ready, source, detail, when) = (seen.NumberId, seen.To, seen.Ready, seen.Source, seen.Detail, seen.At);
        NumberStateChanged? change;
        bool changedKnown;
        lock (_gate)
        {
            var previous = _known.GetValueOrDefault(numberId);
            if (previous is not null && previous.At > when && !previous.FromList)
            {
                return null; // A retried or late event that a newer reading has overtaken.
            }

            var label = previous?.Label ?? (seen.Label != numberId ? seen.Label : numberId);
            _known[numberId] = new KnownState(state, ready, when, source, FromList: false, label);

            // The version tells every circuit's list index to join again: only when what the list shows can change.
            changedKnown = previous is null || previous.FromList || previous.State != state || previous.Ready != ready;
            if (changedKnown)
            {
                Interlocked.Increment(ref _version);
            }

            change = previous is not null && previous.State == state
                ? null
                : new NumberStateChanged(numberId, label, previous?.State, state, ready, when, source, detail) { FromOtherInstance = seen.FromOtherInstance };
        }

        if (publish && changedKnown)
        {
            // Told even when no change is raised here (e.g. the list already showed it): another instance may differ.
            _cluster?.Publish(ClusterTopic.NumberState, change: NumberChangeWire.Of(change ?? seen with { Label = _known[numberId].Label }));
        }

        if (change is not null)
        {
            events.Raise(change);
        }

        return change;
    }

    /// <summary>
    /// Compares a newly fetched list with what is known: a number seen for the first time is only noted; a listed state
    /// that differs from the last listed one is a change found by polling. Each list is compared once.
    /// </summary>
    public void ObserveList(NumberList list)
    {
        var changes = new List<NumberStateChanged>();
        lock (_gate)
        {
            if (ReferenceEquals(list, _lastList))
            {
                return;
            }

            _lastList = list;
            foreach (var number in list.Numbers)
            {
                var label = number.Name ?? number.Phone ?? number.Id;
                var previous = _known.GetValueOrDefault(number.Id);
                if (previous is not null && !previous.FromList && list.FetchedAt - previous.At < ListLag)
                {
                    continue; // Seen live recently: the list may not have caught up yet.
                }

                _known[number.Id] = new KnownState(number.State, number.Ready, list.FetchedAt, StatusChangeSource.Poll, FromList: true, label);
                if (previous is not null && !previous.FromList)
                {
                    Interlocked.Increment(ref _version);
                }

                if (previous is not null && previous.State != number.State)
                {
                    changes.Add(new NumberStateChanged(number.Id, label, previous.State, number.State, number.Ready, list.FetchedAt,
                        StatusChangeSource.Poll, "number list"));
                }
            }
        }

        foreach (var change in changes)
        {
            events.Raise(change);
        }
    }
}
