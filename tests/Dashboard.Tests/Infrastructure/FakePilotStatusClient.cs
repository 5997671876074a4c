using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Core.PilotStatus.Webhooks;

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

    /// <summary>Webhooks held in memory, each with the number it belongs to.</summary>
    public List<(string NumberId, Webhook Webhook)> Webhooks { get; } = [];

    /// <summary>Delivery logs by webhook id.</summary>
    public Dictionary<string, List<WebhookDelivery>> WebhookLogs { get; } = [];

    public List<(string NumberId, OutgoingText Message)> Sends { get; } = [];

    /// <summary>Status answers by message id; a sent message without one answers QUEUED.</summary>
    public Dictionary<string, ApiResult<MessageReceipt>> Receipts { get; } = [];

    public Task<ApiResult<IReadOnlyList<Webhook>>> ListWebhooksAsync(string numberId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(numberId).Map(_ => (IReadOnlyList<Webhook>)Webhooks.Where(w => w.NumberId == numberId).Select(w => w.Webhook).ToArray()));

    public Task<ApiResult<Webhook>> CreateWebhookAsync(string numberId, NewWebhook webhook, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(numberId).Map(_ =>
        {
            var created = new Webhook($"wh_{Webhooks.Count + 1}", webhook.Name, webhook.Url, true, webhook.Events.ToArray(), "LIVE", [numberId], null, FetchedAt, FetchedAt);
            Webhooks.Add((numberId, created));
            return created;
        }));

    public Task<ApiResult<Webhook>> UpdateWebhookAsync(string numberId, string webhookId, WebhookChange change, CancellationToken cancellationToken = default)
    {
        var index = Webhooks.FindIndex(w => w.NumberId == numberId && w.Webhook.Id == webhookId);
        if (FailWith is { } failure || index < 0)
        {
            return Task.FromResult<ApiResult<Webhook>>(FailWith ?? WebhookNotFound(webhookId));
        }

        var old = Webhooks[index].Webhook;
        var updated = old with
        {
            Name = change.Name ?? old.Name,
            Url = change.Url ?? old.Url,
            Events = change.Events?.ToArray() ?? old.Events,
            Active = change.Active ?? old.Active,
        };
        Webhooks[index] = (numberId, updated);
        return Task.FromResult(ApiResult.Success(updated));
    }

    public Task<ApiResult<WebhookDeleted>> DeleteWebhookAsync(string numberId, string webhookId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<WebhookDeleted>>(
            FailWith ?? (Webhooks.RemoveAll(w => w.NumberId == numberId && w.Webhook.Id == webhookId) > 0
                ? ApiResult.Success(new WebhookDeleted(webhookId))
                : WebhookNotFound(webhookId)));

    public Task<ApiResult<IReadOnlyList<WebhookDelivery>>> GetWebhookLogsAsync(
        string numberId, string webhookId, WebhookLogQuery? query = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<IReadOnlyList<WebhookDelivery>>>(
            FailWith ?? (Webhooks.Any(w => w.NumberId == numberId && w.Webhook.Id == webhookId)
                ? ApiResult.Success<IReadOnlyList<WebhookDelivery>>(WebhookLogs.GetValueOrDefault(webhookId)?.ToArray() ?? [])
                : WebhookNotFound(webhookId)));

    public Task<ApiResult<SentMessage>> SendTextAsync(string numberId, OutgoingText message, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(numberId).Map(_ =>
        {
            Sends.Add((numberId, message));
            return new SentMessage($"msg_{Sends.Count}", $"corr_{Sends.Count}", MessageStatus.Queued, FetchedAt, null, null);
        }));

    public Task<ApiResult<MessageReceipt>> GetMessageStatusAsync(string numberId, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            FailWith is { } failure ? failure
            : Receipts.TryGetValue(messageId, out var receipt) ? receipt
            : ApiResult.Success(new MessageReceipt(messageId, MessageStatus.Queued, null, null, null, FetchedAt, null, null, null, null)));

    private static ApiFailure WebhookNotFound(string id) => new(ApiFailureKind.NotFound, $"Webhook '{id}' was not found.", "WEBHOOK_NOT_FOUND");

    private ApiResult<WhatsAppNumber> Find(string id) =>
        FailWith is { } failure ? failure
        : Numbers.FirstOrDefault(n => n.Id == id) is { } number ? ApiResult.Success(number)
        : new ApiFailure(ApiFailureKind.NotFound, $"Number '{id}' was not found.");
}
