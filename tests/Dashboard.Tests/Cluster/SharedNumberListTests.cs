using Dashboard.Core.Cluster;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Tests.Cluster;

/// <summary>Two instances' number list caches over one real Redis: the list is fetched from Pilot Status once for both.</summary>
public sealed class SharedNumberListTests : IAsyncDisposable
{
    private readonly string _prefix = "test-" + Guid.NewGuid().ToString("N");
    private readonly List<IDisposable> _owned = [];
    private int _upstreamCalls;

    [RedisFact]
    public async Task Viewers_on_two_instances_cause_one_upstream_list_call_and_see_the_same_numbers()
    {
        var (a, b) = (await CacheAsync(), await CacheAsync());

        var lists = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).GetAsync(FetchAsync, CancellationToken.None)));

        Assert.Equal(1, _upstreamCalls);
        Assert.All(lists, list => Assert.Equal(["n1", "n2"], list.Value!.Numbers.Select(n => n.Id)));
        Assert.All(lists, list => Assert.True(list.Value!.Numbers[1].State.IsClosed));
    }

    [RedisFact]
    public async Task A_change_made_on_one_instance_makes_the_next_read_on_the_other_fetch_again()
    {
        var hub = new InProcessClusterHub();
        var (a, b) = (await CacheAsync(hub), await CacheAsync(hub));
        await b.GetAsync(FetchAsync, CancellationToken.None);

        a.Invalidate(); // e.g. a number was added from instance A
        await WaitUntilAsync(async () => !(await Redis().GetDatabase().KeyExistsAsync($"{_prefix}:numbers:list")));
        await b.GetAsync(FetchAsync, CancellationToken.None);

        Assert.Equal(2, _upstreamCalls);
    }

    private Task<ApiResult<NumberList>> FetchAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _upstreamCalls);
        return Task.FromResult(ApiResult.Success(new NumberList(
            [ContractNumbers.Qr("n1", "+5511900000001"), ContractNumbers.Qr("n2", "+5511900000002") with { State = NumberState.Closed }],
            DateTimeOffset.UtcNow)));
    }

    private async Task<NumberListCache> CacheAsync(InProcessClusterHub? hub = null)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Connection!);
        _owned.Add(redis);
        var client = Options.Create(new PilotStatusClientOptions { NumberListLifetime = TimeSpan.FromMinutes(1) });
        var shared = new SharedNumberList(redis, Options.Create(new RedisOptions { ConnectionString = RedisFactAttribute.Connection, Prefix = _prefix }),
            client, TimeProvider.System, NullLogger<SharedNumberList>.Instance);
        var bus = hub is null ? null : new InProcessClusterBus(hub, NullLogger<InProcessClusterBus>.Instance);
        return new NumberListCache(TimeProvider.System, client, bus, shared);
    }

    private ConnectionMultiplexer Redis() => (ConnectionMultiplexer)_owned[0];

    /// <summary>The shared copy is dropped without waiting; the limit only stops a broken test from hanging.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not become true within 10 s.");
            await Task.Delay(10);
        }
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
