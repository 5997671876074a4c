using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Cluster;

/// <summary>
/// The instances that share one process. A normal start has a hub of its own with one bus in it, so publishing reaches
/// nobody; tests put two dashboards on one hub to act as two instances without Redis.
/// </summary>
public sealed class InProcessClusterHub
{
    private readonly Lock _gate = new();
    private readonly List<InProcessClusterBus> _buses = [];

    internal void Join(InProcessClusterBus bus)
    {
        lock (_gate)
        {
            _buses.Add(bus);
        }
    }

    internal void Send(ClusterSignal signal)
    {
        InProcessClusterBus[] buses;
        lock (_gate)
        {
            buses = [.. _buses];
        }

        foreach (var bus in buses.Where(b => b.InstanceId != signal.Origin))
        {
            bus.Receive(signal);
        }
    }
}

/// <summary>The default bus: delivers at once, on the publisher's thread, to the other buses on the same hub.</summary>
public sealed class InProcessClusterBus : IClusterBus
{
    private readonly InProcessClusterHub _hub;
    private readonly ClusterSubscribers _subscribers;

    public InProcessClusterBus(InProcessClusterHub hub, ILogger<InProcessClusterBus> logger)
    {
        _hub = hub;
        _subscribers = new ClusterSubscribers(logger);
        hub.Join(this);
    }

    public string InstanceId { get; } = ClusterInstance.NewId();

    public void Publish(ClusterTopic topic, string? key = null, NumberChangeWire? change = null) =>
        _hub.Send(new ClusterSignal(topic, InstanceId, key, change));

    public IDisposable Subscribe(ClusterTopic topic, Action<ClusterSignal> handler) => _subscribers.Add(topic, handler);

    internal void Receive(ClusterSignal signal) => _subscribers.Deliver(signal);
}

internal static class ClusterInstance
{
    public static string NewId() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
}
