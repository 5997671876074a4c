using System.Collections.Concurrent;
using Dashboard.Core.Messages;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Core.PilotStatus.Webhooks;
using Dashboard.Tests.Numbers;

namespace Dashboard.Tests.Messages;

/// <summary>
/// The scripted client's numbers, plus history and conversations served as the contract describes them: newest first,
/// paged by <c>page</c>/<c>pageSize</c>, bounded by the dates, 400 <c>INVALID_DATE_RANGE</c> for inverted dates, and
/// the <c>PII_RELAY_ONLY</c> notice for a relay-only number. Counts every call.
/// </summary>
internal sealed class HistoryPilotStatusClient(ScriptedPilotStatusClient numbers) : IPilotStatusClient
{
    /// <summary>By number id, in any order; served newest first.</summary>
    public Dictionary<string, List<ChatMessage>> Messages { get; } = [];

    public Dictionary<string, List<Conversation>> Conversations { get; } = [];

    public HashSet<string> RelayOnly { get; } = [];

    /// <summary>When set, history calls answer with it instead.</summary>
    public ApiFailure? HistoryFailure { get; set; }

    public ConcurrentQueue<(string NumberId, PageRequest Page)> HistoryRequests { get; } = new();

    public ConcurrentQueue<(string NumberId, PageRequest Page)> ConversationRequests { get; } = new();

    public static readonly ApiFailure InvalidDateRange = new(ApiFailureKind.InvalidRequest,
        "Pilot Status rejected the request as invalid (HTTP 400 INVALID_DATE_RANGE): \"startDate must not be after endDate.\". Correct the input and try again.",
        HistoryRange.InvalidDateRangeCode);

    public DateTimeOffset? NumberListFetchedAt => numbers.NumberListFetchedAt;

    public Task<ApiResult<MessagePage>> GetMessageHistoryAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default)
    {
        HistoryRequests.Enqueue((numberId, page));
        if (HistoryFailure is { } failure)
        {
            return Task.FromResult(ApiResult<MessagePage>.Fail(failure));
        }

        if (page.From > page.To)
        {
            return Task.FromResult(ApiResult<MessagePage>.Fail(InvalidDateRange));
        }

        if (RelayOnly.Contains(numberId))
        {
            return Task.FromResult(ApiResult.Success(new MessagePage([], 0, page.Page, page.PageSize, 0, "PII_RELAY_ONLY")));
        }

        var all = Messages.GetValueOrDefault(numberId, [])
            .Where(m => (page.From is null || m.ProviderTimestamp >= page.From) && (page.To is null || m.ProviderTimestamp <= page.To))
            .OrderByDescending(m => m.ProviderTimestamp)
            .ToList();
        return Task.FromResult(ApiResult.Success(new MessagePage(
            all.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToList(), all.Count, page.Page, page.PageSize, Pages(all.Count, page.PageSize), null)));
    }

    public Task<ApiResult<ConversationPage>> GetConversationsAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ConversationRequests.Enqueue((numberId, page));
        if (page.From > page.To)
        {
            return Task.FromResult(ApiResult<ConversationPage>.Fail(InvalidDateRange));
        }

        if (RelayOnly.Contains(numberId))
        {
            return Task.FromResult(ApiResult.Success(new ConversationPage([], 0, page.Page, page.PageSize, 0, "PII_RELAY_ONLY")));
        }

        var all = Conversations.GetValueOrDefault(numberId, []).OrderByDescending(c => c.LastMessageAt).ToList();
        return Task.FromResult(ApiResult.Success(new ConversationPage(
            all.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToList(), all.Count, page.Page, page.PageSize, Pages(all.Count, page.PageSize), null)));
    }

    private static int Pages(int total, int size) => (total + size - 1) / size;

    public Task<ApiResult<NumberList>> ListNumbersAsync(CancellationToken cancellationToken = default) => numbers.ListNumbersAsync(cancellationToken);

    public void InvalidateNumberList() => numbers.InvalidateNumberList();

    public Task<ApiResult<NumberDetail>> GetNumberAsync(string numberId, bool refreshFromMeta = false, CancellationToken cancellationToken = default) =>
        numbers.GetNumberAsync(numberId, refreshFromMeta, cancellationToken);

    public Task<ApiResult<CreatedNumber>> CreateNumberAsync(NewNumber number, CancellationToken cancellationToken = default) =>
        numbers.CreateNumberAsync(number, cancellationToken);

    public Task<ApiResult<ConnectCode>> ConnectNumberAsync(string numberId, CancellationToken cancellationToken = default) =>
        numbers.ConnectNumberAsync(numberId, cancellationToken);

    public Task<ApiResult<LiveStatus>> GetLiveStatusAsync(string numberId, CancellationToken cancellationToken = default) =>
        numbers.GetLiveStatusAsync(numberId, cancellationToken);

    public Task<ApiResult<NumberRemoved>> DeleteNumberAsync(string numberId, CancellationToken cancellationToken = default) =>
        numbers.DeleteNumberAsync(numberId, cancellationToken);

    public Task<ApiResult<RemotePairingLink>> CreateRemotePairingLinkAsync(RemotePairingRequest request, CancellationToken cancellationToken = default) =>
        numbers.CreateRemotePairingLinkAsync(request, cancellationToken);

    public Task<ApiResult<NumberAnalytics>> GetAnalyticsAsync(
        string numberId, AnalyticsPeriod period = AnalyticsPeriod.ThirtyDays, string? timeZone = null, CancellationToken cancellationToken = default) =>
        numbers.GetAnalyticsAsync(numberId, period, timeZone, cancellationToken);

    public Task<ApiResult<IReadOnlyList<Webhook>>> ListWebhooksAsync(string numberId, CancellationToken cancellationToken = default) =>
        numbers.ListWebhooksAsync(numberId, cancellationToken);

    public Task<ApiResult<Webhook>> CreateWebhookAsync(string numberId, NewWebhook webhook, CancellationToken cancellationToken = default) =>
        numbers.CreateWebhookAsync(numberId, webhook, cancellationToken);

    public Task<ApiResult<Webhook>> UpdateWebhookAsync(string numberId, string webhookId, WebhookChange change, CancellationToken cancellationToken = default) =>
        numbers.UpdateWebhookAsync(numberId, webhookId, change, cancellationToken);

    public Task<ApiResult<WebhookDeleted>> DeleteWebhookAsync(string numberId, string webhookId, CancellationToken cancellationToken = default) =>
        numbers.DeleteWebhookAsync(numberId, webhookId, cancellationToken);

    public Task<ApiResult<IReadOnlyList<WebhookDelivery>>> GetWebhookLogsAsync(
        string numberId, string webhookId, WebhookLogQuery? query = null, CancellationToken cancellationToken = default) =>
        numbers.GetWebhookLogsAsync(numberId, webhookId, query, cancellationToken);

    public Task<ApiResult<SentMessage>> SendTextAsync(string numberId, OutgoingText message, CancellationToken cancellationToken = default) =>
        numbers.SendTextAsync(numberId, message, cancellationToken);

    public Task<ApiResult<MessageReceipt>> GetMessageStatusAsync(string numberId, string messageId, CancellationToken cancellationToken = default) =>
        numbers.GetMessageStatusAsync(numberId, messageId, cancellationToken);
}

/// <summary>Messages and conversations shaped like the contract's examples (§3.5).</summary>
internal static class Chat
{
    public static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-06-27T10:00:00Z");

    public static ChatMessage Message(
        string id,
        string type = "text",
        string status = "DELIVERED",
        bool inbound = true,
        DateTimeOffset? at = null,
        string conversationId = "conv_ana",
        string? text = "Olá, ainda está disponível?",
        MessageMedia? media = null,
        string? error = null,
        string participant = "Ana",
        DateTimeOffset? sentAt = null,
        DateTimeOffset? deliveredAt = null,
        DateTimeOffset? readAt = null)
    {
        var when = at ?? At;
        return new ChatMessage(id, conversationId, inbound ? "INBOUND" : "OUTBOUND", "PILOT_STATUS", "wamid." + id, status, type,
            inbound ? null : "Suporte", text, participant, "+5511988887777", null, media, sentAt, deliveredAt, readAt, when, when.AddMilliseconds(500), error);
    }

    /// <summary><paramref name="count"/> text messages a minute apart, the newest at <see cref="At"/>, alternating two conversations.</summary>
    public static List<ChatMessage> Many(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Message($"m{i:000}", at: At.AddMinutes(-i), conversationId: i % 2 == 0 ? "conv_ana" : "conv_bruno",
                participant: i % 2 == 0 ? "Ana" : "Bruno", text: $"Mensagem {i:000}"))
            .ToList();

    public static Conversation Conversation(string id, string name, string type = "DIRECT", int unread = 0, DateTimeOffset? last = null) =>
        new(id, type, type == "DIRECT" ? "+5511988887777" : null, name, type == "DIRECT" ? "BR.13491208655302741918" : null, null, unread,
            last ?? At, "Olá! Sua entrega chegou.", At.AddDays(-3));
}
