using System.Collections.Concurrent;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Core.PilotStatus.Webhooks;

namespace Dashboard.Tests.Numbers;

/// <summary>A hand-written <see cref="IPilotStatusClient"/>: answers from what a test put in it and counts what it was asked.</summary>
internal sealed class ScriptedPilotStatusClient(TimeProvider clock) : IPilotStatusClient
{
    public static readonly ApiFailure NotScripted = new(ApiFailureKind.Unavailable, "This test did not script that call.");

    public List<WhatsAppNumber> Numbers { get; } = [];

    /// <summary>By number id; a listed number without a detail answers 404, as a number removed upstream would.</summary>
    public Dictionary<string, ApiResult<NumberDetail>> Details { get; } = [];

    /// <summary>By number id; a number without one answers with its listed state.</summary>
    public Dictionary<string, ApiResult<LiveStatus>> LiveStatuses { get; } = [];

    public ApiResult<NumberRemoved>? DeleteResult { get; set; }

    /// <summary>What a create answers; by default a new number with a QR code and a pairing code.</summary>
    public Func<NewNumber, ApiResult<CreatedNumber>> OnCreate { get; set; } = Created;

    /// <summary>When set, creates wait for it: lets a test hold a create open while a second one arrives.</summary>
    public TaskCompletionSource? CreateGate { get; set; }

    public ConcurrentQueue<NewNumber> Creates { get; } = new();

    public ConcurrentQueue<string> Deletes { get; } = new();

    public ConcurrentQueue<(string Id, bool RefreshFromMeta)> DetailRequests { get; } = new();

    /// <summary>What <c>/connect</c> answers; unscripted by default.</summary>
    public Func<string, ApiResult<ConnectCode>> OnConnect { get; set; } = _ => NotScripted;

    public ConcurrentQueue<string> ConnectRequests { get; } = new();

    public ConcurrentQueue<string> StatusRequests { get; } = new();

    public DateTimeOffset? NumberListFetchedAt => clock.GetUtcNow();

    public int ListInvalidations { get; private set; }

    public static ApiResult<CreatedNumber> Created(NewNumber number) => ApiResult.Success(new CreatedNumber(
        "num_new_" + number.Phone.TrimStart('+'),
        number.Name,
        "tenant-" + number.Phone.TrimStart('+'),
        number.Phone,
        NumberState.Connecting,
        new ConnectCode("data:image/png;base64,iVBORw0KGgo=", "ABCD-1234"),
        null));

    public Task<ApiResult<NumberList>> ListNumbersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ApiResult.Success(new NumberList(Numbers.ToArray(), clock.GetUtcNow())));

    public void InvalidateNumberList() => ListInvalidations++;

    public Task<ApiResult<NumberDetail>> GetNumberAsync(string numberId, bool refreshFromMeta = false, CancellationToken cancellationToken = default)
    {
        DetailRequests.Enqueue((numberId, refreshFromMeta));
        return Task.FromResult(Details.TryGetValue(numberId, out var detail) ? detail : NotFound(numberId));
    }

    public async Task<ApiResult<CreatedNumber>> CreateNumberAsync(NewNumber number, CancellationToken cancellationToken = default)
    {
        Creates.Enqueue(number);
        if (CreateGate is { } gate)
        {
            await gate.Task;
        }

        return OnCreate(number);
    }

    public Task<ApiResult<LiveStatus>> GetLiveStatusAsync(string numberId, CancellationToken cancellationToken = default)
    {
        StatusRequests.Enqueue(numberId);
        if (LiveStatuses.TryGetValue(numberId, out var status))
        {
            return Task.FromResult(status);
        }

        var listed = Numbers.FirstOrDefault(n => n.Id == numberId);
        return Task.FromResult(listed is null
            ? NotFound(numberId)
            : ApiResult.Success(new LiveStatus(numberId, listed.State, listed.Ready, clock.GetUtcNow())));
    }

    public Task<ApiResult<NumberRemoved>> DeleteNumberAsync(string numberId, CancellationToken cancellationToken = default)
    {
        Deletes.Enqueue(numberId);
        return Task.FromResult(DeleteResult ?? ApiResult.Success(new NumberRemoved(numberId)));
    }

    public Task<ApiResult<ConnectCode>> ConnectNumberAsync(string numberId, CancellationToken cancellationToken = default)
    {
        ConnectRequests.Enqueue(numberId);
        return Task.FromResult(OnConnect(numberId));
    }

    public Task<ApiResult<RemotePairingLink>> CreateRemotePairingLinkAsync(RemotePairingRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<RemotePairingLink>>(NotScripted);

    public Task<ApiResult<MessagePage>> GetMessageHistoryAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<MessagePage>>(NotScripted);

    public Task<ApiResult<ConversationPage>> GetConversationsAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<ConversationPage>>(NotScripted);

    public Task<ApiResult<NumberAnalytics>> GetAnalyticsAsync(
        string numberId, AnalyticsPeriod period = AnalyticsPeriod.ThirtyDays, string? timeZone = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<NumberAnalytics>>(NotScripted);

    public Task<ApiResult<IReadOnlyList<Webhook>>> ListWebhooksAsync(string numberId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<IReadOnlyList<Webhook>>>(NotScripted);

    public Task<ApiResult<Webhook>> CreateWebhookAsync(string numberId, NewWebhook webhook, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<Webhook>>(NotScripted);

    public Task<ApiResult<Webhook>> UpdateWebhookAsync(string numberId, string webhookId, WebhookChange change, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<Webhook>>(NotScripted);

    public Task<ApiResult<WebhookDeleted>> DeleteWebhookAsync(string numberId, string webhookId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<WebhookDeleted>>(NotScripted);

    public Task<ApiResult<IReadOnlyList<WebhookDelivery>>> GetWebhookLogsAsync(
        string numberId, string webhookId, WebhookLogQuery? query = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<IReadOnlyList<WebhookDelivery>>>(NotScripted);

    public Task<ApiResult<SentMessage>> SendTextAsync(string numberId, OutgoingText message, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<SentMessage>>(NotScripted);

    public Task<ApiResult<MessageReceipt>> GetMessageStatusAsync(string numberId, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ApiResult<MessageReceipt>>(NotScripted);

    public static ApiFailure NotFound(string numberId) =>
        new(ApiFailureKind.NotFound, $"Number '{numberId}' was not found in this Pilot Status account.");
}
