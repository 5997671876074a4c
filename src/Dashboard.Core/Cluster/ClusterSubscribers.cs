using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Cluster;

/// <summary>The handlers of each topic, shared by both buses: a handler that throws does not keep the others from hearing.</summary>
internal sealed partial class ClusterSubscribers(ILogger logger)
{
    private ImmutableDictionary<ClusterTopic, ImmutableList<Action<ClusterSignal>>> _handlers =
        ImmutableDictionary<ClusterTopic, ImmutableList<Action<ClusterSignal>>>.Empty;

    public IDisposable Add(ClusterTopic topic, Action<ClusterSignal> handler)
    {
        ImmutableInterlocked.AddOrUpdate(ref _handlers, topic, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _handlers, topic, _ => [], (_, list) => list.Remove(handler)));
    }

    public void Deliver(ClusterSignal signal)
    {
        if (!_handlers.TryGetValue(signal.Topic, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers)
        {
            try
            {
                handler(signal);
            }
            catch (Exception e)
            {
                LogHandlerFailed(logger, e, signal.Topic);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A handler of {Topic} signals from another instance failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, ClusterTopic topic);

    private sealed class Subscription(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
