using System.Text.Json;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Cluster;

/// <summary>
/// The number list as every instance reads it from Redis: when an instance's own copy runs out, it takes the copy
/// another instance fetched within the list's lifetime; only when there is none does one instance (holding a short
/// Redis lock) call <c>GET /v1/numbers</c> while the others wait for its copy. Upstream list calls then stay what one
/// instance makes, however many instances there are. Redis down: each instance fetches for itself, as alone.
/// </summary>
internal sealed partial class SharedNumberList(
    IConnectionMultiplexer redis, IOptions<RedisOptions> redisOptions, IOptions<PilotStatusClientOptions> clientOptions,
    TimeProvider clock, ILogger<SharedNumberList> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan LockLifetime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(50);

    private readonly RedisKey _key = $"{redisOptions.Value.Prefix}:numbers:list";
    private readonly RedisKey _lock = $"{redisOptions.Value.Prefix}:numbers:list:fetching";
    private readonly string _owner = Guid.NewGuid().ToString("N");

    public async Task<ApiResult<NumberList>> GetOrFetchAsync(Func<CancellationToken, Task<ApiResult<NumberList>>> fetch, CancellationToken cancellationToken)
    {
        IDatabase db;
        try
        {
            db = redis.GetDatabase();
            if (await ReadAsync(db) is { } shared)
            {
                return shared;
            }

            if (!await db.StringSetAsync(_lock, _owner, LockLifetime, When.NotExists))
            {
                // Another instance is fetching: its copy is due in the time one call takes.
                var until = clock.GetUtcNow() + LockLifetime;
                while (clock.GetUtcNow() < until && await db.KeyExistsAsync(_lock))
                {
                    await Task.Delay(WaitStep, clock, cancellationToken);
                    if (await ReadAsync(db) is { } fetchedElsewhere)
                    {
                        return fetchedElsewhere;
                    }
                }

                if (await ReadAsync(db) is { } late)
                {
                    return late;
                }
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(logger, e);
            return await fetch(cancellationToken);
        }

        try
        {
            var result = await fetch(cancellationToken);
            if (result.Succeeded)
            {
                var payload = JsonSerializer.Serialize(Wire.From(result.Value), Json);
                await db.StringSetAsync(_key, payload, clientOptions.Value.NumberListLifetime);
            }

            return result;
        }
        finally
        {
            await ReleaseLockAsync(db);
        }
    }

    /// <summary>Drops the shared copy: the dashboard itself changed the list.</summary>
    public void Invalidate() => _ = InvalidateAsync();

    private async Task InvalidateAsync()
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(_key);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(logger, e);
        }
    }

    private async Task<ApiResult<NumberList>?> ReadAsync(IDatabase db)
    {
        var payload = await db.StringGetAsync(_key);
        return payload.HasValue && JsonSerializer.Deserialize<Wire>(payload.ToString(), Json) is { } wire
            ? ApiResult.Success(wire.ToList())
            : null;
    }

    private async Task ReleaseLockAsync(IDatabase db)
    {
        try
        {
            // Only our own lock: one that outlived LockLifetime may be another instance's by now.
            await db.ScriptEvaluateAsync(
                "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
                [_lock], [_owner]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(logger, e); // It expires by itself.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for the shared number list; this instance fetches its own")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    /// <summary>The list in plain fields, readable by every instance of this version.</summary>
    private sealed record Wire(List<WireNumber> Numbers, DateTimeOffset FetchedAt)
    {
        public static Wire From(NumberList list) => new(
            [.. list.Numbers.Select(n => new WireNumber(n.Id, n.Name, n.InstanceName, n.Phone, n.Provider.Value, n.State.Value, n.Ready,
                n.CreatedAt, n.UpdatedAt, [.. n.ApiKeys]))],
            list.FetchedAt);

        public NumberList ToList() => new(
            [.. Numbers.Select(n => new WhatsAppNumber(n.Id, n.Name, n.InstanceName, n.Phone, new NumberProvider(n.Provider), new NumberState(n.State),
                n.Ready, n.CreatedAt, n.UpdatedAt, n.ApiKeys))],
            FetchedAt);
    }

    private sealed record WireNumber(
        string Id, string? Name, string? InstanceName, string? Phone, string Provider, string State, bool Ready,
        DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, List<ApiKeyHint> ApiKeys);
}
