using Dashboard.Core.Cluster;
using Dashboard.Core.Numbers;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Tests.Cluster;

/// <summary>The Redis bus against a real Redis: two instances, each with its own connection.</summary>
public sealed class RedisClusterBusTests : IAsyncDisposable
{
    private readonly string _prefix = "test-" + Guid.NewGuid().ToString("N");
    private readonly List<IDisposable> _owned = [];

    [RedisFact]
    public async Task A_number_change_published_on_one_instance_reaches_the_other_intact_and_not_itself()
    {
        var (a, b) = (await BusAsync(), await BusAsync());
        var onB = new TaskCompletionSource<ClusterSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onA = 0;
        b.Subscribe(ClusterTopic.NumberState, s => onB.TrySetResult(s));
        a.Subscribe(ClusterTopic.NumberState, _ => Interlocked.Increment(ref onA));
        var at = DateTimeOffset.Parse("2026-11-23T10:00:00Z");
        var sent = new NumberChangeWire("n1", "Padaria", "OPEN", "CLOSE", false, at, StatusChangeSource.Event, "number.disconnected");

        a.Publish(ClusterTopic.NumberState, change: sent);

        var received = await onB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((ClusterTopic.NumberState, a.InstanceId, sent), (received.Topic, received.Origin, received.Change));

        // A's own signal went through the same channel before B's round trip ends: a ping after it proves A skipped it.
        var ping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Subscribe(ClusterTopic.Customers, _ => ping.TrySetResult());
        b.Publish(ClusterTopic.Customers);
        await ping.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, onA);
    }

    [RedisFact]
    public async Task Signals_from_one_instance_arrive_in_the_order_they_were_sent()
    {
        var (a, b) = (await BusAsync(), await BusAsync());
        var keys = new List<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Subscribe(ClusterTopic.Setting, s =>
        {
            keys.Add(s.Key!);
            if (keys.Count == 200)
            {
                all.TrySetResult();
            }
        });

        for (var i = 0; i < 200; i++)
        {
            a.Publish(ClusterTopic.Setting, $"k{i}");
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"k{i}"), keys);
    }

    private async Task<RedisClusterBus> BusAsync()
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Connection!);
        var bus = new RedisClusterBus(redis, Options.Create(new RedisOptions { ConnectionString = RedisFactAttribute.Connection, Prefix = _prefix }),
            NullLogger<RedisClusterBus>.Instance);
        _owned.Add(bus);
        _owned.Add(redis);
        // Subscribed in the background: wait until Redis counts this subscriber too.
        var channel = RedisChannel.Literal($"{_prefix}:signals");
        var subscribers = _owned.Count / 2;
        while ((await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel.ToString())).ToDictionary()[channel.ToString()].ToString() != subscribers.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await Task.Delay(10);
        }

        return bus;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
