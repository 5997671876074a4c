using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A hand-written stand-in for the Pilot Status client: holds a fleet in memory and records what was asked.</summary>
public sealed class FakePilotStatusClient : IPilotStatusClient
{
    private int _liveStatusCalls;
    private int _inFlight;

    public List<WhatsAppNumber> Numbers { get; } = [];

    public DateTimeOffset FetchedAt { get; set; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>When set, every call fails with it.</summary>
    public ApiFailure? FailWith { get; set; }

    /// <summary>Per-number live status answers; numbers not in here answer with their listed state.</summary>
    public Dictionary<string, ApiResult<LiveStatus>> LiveStatuses { get; } = [];

    /// <summary>The health block a number's detail answers with.</summary>
    public Dictionary<string, NumberHealth> Health { get; } = [];

    public int DetailCalls { get; private set; }

    public int LiveStatusCalls => _liveStatusCalls;

    public int MaxConcurrentLiveStatusCalls { get; private set; }

    public TimeSpan LiveStatusDelay { get; set; }

    public DateTimeOffset? NumberListFetchedAt => FetchedAt;

    public static WhatsAppNumber Number(
        string id, string name, string phone, string state = "OPEN", string provider = "PILOT_STATUS", DateTimeOffset? updatedAt = null) =>
        new(id, name, $"tenant-{phone.TrimStart('+')}", phone, new NumberProvider(provider), new NumberState(state), state == "OPEN",
            updatedAt ?? new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), updatedAt ?? new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
            [new ApiKeyHint("Default", "ps_abcd…wxyz")]);

    public Task<ApiResult<NumberList>> ListNumbersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(FailWith is { } failure ? ApiResult<NumberList>.Fail(failure) : ApiResult.Success(new NumberList(Numbers.ToList(), FetchedAt)));

    public void InvalidateNumberList()
    {
    }

    public Task<ApiResult<NumberDetail>> GetNumberAsync(string numberId, bool refreshFromMeta = false, CancellationToken cancellationToken = default)
    {
        DetailCalls++;
        return Task.FromResult(Find(numberId).Map(n => new NumberDetail(n, Health.GetValueOrDefault(numberId), null)));
    }

    public Task<ApiResult<CreatedNumber>> CreateNumberAsync(NewNumber number, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not expected in this test.");

    public Task<ApiResult<ConnectCode>> ConnectNumberAsync(string numberId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not expected in this test.");

    public async Task<ApiResult<LiveStatus>> GetLiveStatusAsync(string numberId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _liveStatusCalls);
        var now = Interlocked.Increment(ref _inFlight);
        lock (Numbers)
        {
            MaxConcurrentLiveStatusCalls = Math.Max(MaxConcurrentLiveStatusCalls, now);
        }

        try
        {
            await Task.Delay(LiveStatusDelay, cancellationToken);
            if (LiveStatuses.TryGetValue(numberId, out var answer))
            {
                return answer;
            }

            return Find(numberId).Map(n => new LiveStatus(n.Id, n.State, n.Ready, FetchedAt));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<ApiResult<NumberRemoved>> DeleteNumberAsync(string numberId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not expected in this test.");

    public Task<ApiResult<RemotePairingLink>> CreateRemotePairingLinkAsync(RemotePairingRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not expected in this test.");

    public Task<ApiResult<MessagePage>> GetMessageHistoryAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not expected in this test.");

    public Task<ApiResult<ConversationPage>> GetConversationsAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not expected in this test.");

    public Task<ApiResult<NumberAnalytics>> GetAnalyticsAsync(
        string numberId, AnalyticsPeriod period = AnalyticsPeriod.ThirtyDays, string? timeZone = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not expected in this test.");

    private ApiResult<WhatsAppNumber> Find(string id) =>
        FailWith is { } failure ? failure
        : Numbers.FirstOrDefault(n => n.Id == id) is { } number ? ApiResult.Success(number)
        : new ApiFailure(ApiFailureKind.NotFound, $"Number '{id}' was not found.");
}
