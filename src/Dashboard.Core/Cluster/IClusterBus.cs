namespace Dashboard.Core.Cluster;

/// <summary>
/// Tells every other instance of the dashboard what happened on this one: number states, settings, customers, operators.
/// Whoever publishes has already applied the change locally; handlers run only for signals from other instances.
/// The in-process bus is the default (one instance, nothing to install); <c>Redis:ConnectionString</c> selects Redis pub/sub.
/// </summary>
public interface IClusterBus
{
    /// <summary>This process's name on the bus, unique per start.</summary>
    string InstanceId { get; }

    /// <summary>Sends without waiting; a bus that is down logs and drops (the other instances then catch up by expiry).</summary>
    void Publish(ClusterTopic topic, string? key = null, NumberChangeWire? change = null);

    /// <summary>Runs <paramref name="handler"/> for every signal of <paramref name="topic"/> that another instance publishes.</summary>
    IDisposable Subscribe(ClusterTopic topic, Action<ClusterSignal> handler);
}
