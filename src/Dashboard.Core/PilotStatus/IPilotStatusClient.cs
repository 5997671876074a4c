using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Core.PilotStatus.Webhooks;

namespace Dashboard.Core.PilotStatus;

/// <summary>The Pilot Status API as the dashboard needs it. Every method returns a result; API failures never throw.</summary>
public interface IPilotStatusClient
{
    /// <summary>The tenant's numbers from a snapshot shared by every page for a few seconds.</summary>
    Task<ApiResult<NumberList>> ListNumbersAsync(CancellationToken cancellationToken = default);

    /// <summary>When the shared number list was fetched, or null when there is none.</summary>
    DateTimeOffset? NumberListFetchedAt { get; }

    /// <summary>Drops the shared number list so the next read goes upstream (e.g. after a webhook says a number changed).</summary>
    void InvalidateNumberList();

    /// <param name="refreshFromMeta">Have Pilot Status read Meta's Graph API live instead of its cached snapshot.</param>
    Task<ApiResult<NumberDetail>> GetNumberAsync(string numberId, bool refreshFromMeta = false, CancellationToken cancellationToken = default);

    /// <summary>Provisions a QR-paired number. Sent exactly once, never retried: it has a real side effect.</summary>
    Task<ApiResult<CreatedNumber>> CreateNumberAsync(NewNumber number, CancellationToken cancellationToken = default);

    /// <summary>A fresh QR / pairing code for a disconnected QR-paired number; <see cref="ApiFailureKind.Conflict"/> when it is already connected.</summary>
    Task<ApiResult<ConnectCode>> ConnectNumberAsync(string numberId, CancellationToken cancellationToken = default);

    Task<ApiResult<LiveStatus>> GetLiveStatusAsync(string numberId, CancellationToken cancellationToken = default);

    /// <summary>Permanently removes the number at Pilot Status. Never retried.</summary>
    Task<ApiResult<NumberRemoved>> DeleteNumberAsync(string numberId, CancellationToken cancellationToken = default);

    /// <summary>Creates a number in CLOSE state and a hosted link for its owner to connect it. Never retried.</summary>
    Task<ApiResult<RemotePairingLink>> CreateRemotePairingLinkAsync(RemotePairingRequest request, CancellationToken cancellationToken = default);

    Task<ApiResult<MessagePage>> GetMessageHistoryAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default);

    Task<ApiResult<ConversationPage>> GetConversationsAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default);

    /// <param name="timeZone">IANA name (e.g. <c>America/Sao_Paulo</c>) for the daily buckets; UTC when null.</param>
    Task<ApiResult<NumberAnalytics>> GetAnalyticsAsync(
        string numberId,
        AnalyticsPeriod period = AnalyticsPeriod.ThirtyDays,
        string? timeZone = null,
        CancellationToken cancellationToken = default);

    /// <summary>The number's webhooks (tenant key with <c>x-whatsapp-number-id</c>).</summary>
    Task<ApiResult<IReadOnlyList<Webhook>>> ListWebhooksAsync(string numberId, CancellationToken cancellationToken = default);

    /// <summary>Adds a webhook to the number. Never retried.</summary>
    Task<ApiResult<Webhook>> CreateWebhookAsync(string numberId, NewWebhook webhook, CancellationToken cancellationToken = default);

    /// <summary>Changes what is set in <paramref name="change"/>; <see cref="WebhookChange.Events"/> replaces the whole list. Never retried.</summary>
    Task<ApiResult<Webhook>> UpdateWebhookAsync(string numberId, string webhookId, WebhookChange change, CancellationToken cancellationToken = default);

    /// <summary>Removes the webhook and its delivery logs for good. Never retried.</summary>
    Task<ApiResult<WebhookDeleted>> DeleteWebhookAsync(string numberId, string webhookId, CancellationToken cancellationToken = default);

    /// <summary>The webhook's recent delivery attempts, newest first.</summary>
    Task<ApiResult<IReadOnlyList<WebhookDelivery>>> GetWebhookLogsAsync(
        string numberId, string webhookId, WebhookLogQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a text from the number with the number's own key (tenant keys cannot send; the key comes from
    /// <c>GET /v1/api-keys</c>). Never retried: a retry could deliver the text twice.
    /// </summary>
    Task<ApiResult<SentMessage>> SendTextAsync(string numberId, OutgoingText message, CancellationToken cancellationToken = default);

    /// <summary>The status of a message the number sent; <paramref name="messageId"/> is the id from the send (or its correlation id).</summary>
    Task<ApiResult<MessageReceipt>> GetMessageStatusAsync(string numberId, string messageId, CancellationToken cancellationToken = default);
}
