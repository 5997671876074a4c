using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Cluster;

/// <summary>What kind of thing happened on one instance that the others must hear.</summary>
public enum ClusterTopic
{
    /// <summary>A number's state as the dashboard knows it changed (<see cref="ClusterSignal.Change"/>).</summary>
    NumberState,

    /// <summary>The number list changed upstream (a number added, removed, connecting): drop the cached list.</summary>
    NumberList,

    /// <summary>A dashboard setting was written (<see cref="ClusterSignal.Key"/> names it), e.g. the 2FA requirement or the receiver token.</summary>
    Setting,

    /// <summary>Customers or number assignments changed.</summary>
    Customers,

    /// <summary>An operator's role, customers or disabled flag changed (<see cref="ClusterSignal.Key"/> is their id).</summary>
    Operator,
}

/// <summary>One thing that happened, as it travels between instances.</summary>
/// <param name="Origin">The instance it happened on; an instance never applies its own signal twice.</param>
public sealed record ClusterSignal(ClusterTopic Topic, string Origin, string? Key = null, NumberChangeWire? Change = null);

/// <summary>A <see cref="NumberStateChanged"/> in plain fields, so it reads the same on every instance.</summary>
public sealed record NumberChangeWire(
    string NumberId, string Label, string? From, string To, bool Ready, DateTimeOffset At, StatusChangeSource Source, string? Detail)
{
    public static NumberChangeWire Of(NumberStateChanged change) => new(
        change.NumberId, change.Label, change.From?.Value, change.To.Value, change.Ready, change.At, change.Source, change.Detail);

    public NumberStateChanged ToChange() => new(
        NumberId, Label, From is null ? null : new NumberState(From), new NumberState(To), Ready, At, Source, Detail);
}
