using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Cluster;

/// <summary>
/// Live events between instances over Redis pub/sub: one channel per installation, signals as JSON. Pub/sub keeps
/// nothing: an instance that was cut off misses what was said meanwhile, and its caches catch up by their lifetimes.
/// </summary>
public sealed partial class RedisClusterBus : IClusterBus, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ISubscriber _subscriber;
    private readonly RedisChannel _channel;
    private readonly ClusterSubscribers _subscribers;
    private readonly ILogger<RedisClusterBus> _logger;
    private readonly CancellationTokenSource _disposed = new();
    private ChannelMessageQueue? _queue;

    public RedisClusterBus(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisClusterBus> logger)
    {
        _logger = logger;
        _subscribers = new ClusterSubscribers(logger);
        _subscriber = redis.GetSubscriber();
        _channel = RedisChannel.Literal($"{options.Value.Prefix}:signals");

        _ = SubscribeAsync();
    }

    public string InstanceId { get; } = ClusterInstance.NewId();

    public void Publish(ClusterTopic topic, string? key = null, NumberChangeWire? change = null)
    {
        var payload = JsonSerializer.Serialize(new ClusterSignal(topic, InstanceId, key, change), Json);
        _ = PublishAsync(topic, payload);
    }

    public IDisposable Subscribe(ClusterTopic topic, Action<ClusterSignal> handler) => _subscribers.Add(topic, handler);

    public void Dispose()
    {
        _disposed.Cancel();
        _queue?.Unsubscribe();
    }

    /// <summary>
    /// Until Redis answers (it may start after this instance, which must start all the same); once subscribed, the
    /// client subscribes again by itself after a reconnection.
    /// </summary>
    private async Task SubscribeAsync()
    {
        while (!_disposed.IsCancellationRequested)
        {
            try
            {
                // A queue rather than a callback: signals are handled one at a time, in the order they were published.
                var queue = await _subscriber.SubscribeAsync(_channel);
                queue.OnMessage(message => Receive(message.Message));
                _queue = queue;
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogSubscribeFailed(_logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), _disposed.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task PublishAsync(ClusterTopic topic, string payload)
    {
        try
        {
            await _subscriber.PublishAsync(_channel, payload);
        }
        catch (Exception e)
        {
            LogPublishFailed(_logger, e, topic);
        }
    }

    private void Receive(RedisValue message)
    {
        ClusterSignal? signal;
        try
        {
            signal = JsonSerializer.Deserialize<ClusterSignal>(message.ToString(), Json);
        }
        catch (JsonException e)
        {
            LogUnreadable(_logger, e);
            return;
        }

        if (signal is not null && signal.Origin != InstanceId)
        {
            _subscribers.Deliver(signal);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances about a {Topic} change through Redis")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, ClusterTopic topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the other instances' signals on Redis; trying again")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable signal on the Redis channel (another version of the dashboard?)")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
