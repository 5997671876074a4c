using Dashboard.Core.Cluster;

namespace Dashboard.Core.Operators;

/// <summary>
/// An operator's role, customers or disabled flag changed, on this instance or another: their open sessions re-check
/// at once instead of at the next revalidation.
/// </summary>
public sealed class OperatorChanges
{
    private readonly IClusterBus? _cluster;

    public OperatorChanges(IClusterBus? cluster = null)
    {
        _cluster = cluster;
        cluster?.Subscribe(ClusterTopic.Operator, signal => Changed?.Invoke(signal.Key));
    }

    /// <summary>Raised with the operator's id, or null when any operator may have changed (the bus reconnected).</summary>
    public event Action<string?>? Changed;

    internal void Tell(string operatorId)
    {
        Changed?.Invoke(operatorId);
        _cluster?.Publish(ClusterTopic.Operator, operatorId);
    }
}
