namespace Dashboard.Core.PilotStatus.Messages;

/// <summary>One message of a number's history, newest first by <see cref="ProviderTimestamp"/>.</summary>
/// <param name="Direction"><c>INBOUND</c> or <c>OUTBOUND</c>.</param>
/// <param name="Status"><c>QUEUED</c>, <c>SENT</c>, <c>DELIVERED</c>, <c>READ</c>, <c>FAILED</c>, or another value kept as text.</param>
/// <param name="MessageType"><c>text</c>, <c>image</c>, <c>audio</c>, ... kept as text.</param>
/// <param name="ErrorMessage">Why a FAILED message failed. Documented on <c>GET /v1/messages/{id}</c>, not in the history DTO: may be absent.</param>
public sealed record ChatMessage(
    string Id,
    string? ConversationId,
    string? Direction,
    string? ProviderKind,
    string? ExternalMessageId,
    string? Status,
    string? MessageType,
    string? Origin,
    string? Text,
    string? ParticipantName,
    string? ParticipantPhone,
    string? RepliedToExternalId,
    MessageMedia? Media,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset? ProviderTimestamp,
    DateTimeOffset? CreatedAt,
    string? ErrorMessage = null)
{
    public bool IsInbound => string.Equals(Direction, "INBOUND", StringComparison.OrdinalIgnoreCase);
}

public sealed record MessageMedia(string? Provider, string? Id, string? Url, string? MimeType, string? FileName);

/// <param name="Notice"><c>PII_RELAY_ONLY</c> when the number keeps no message content; the list is then empty by design.</param>
public sealed record MessagePage(
    IReadOnlyList<ChatMessage> Messages,
    int Total,
    int Page,
    int PageSize,
    int TotalPages,
    string? Notice)
{
    public bool IsPiiRelayOnly => PageNotices.IsPiiRelayOnly(Notice);
}

internal static class PageNotices
{
    public const string PiiRelayOnly = "PII_RELAY_ONLY";

    public static bool IsPiiRelayOnly(string? notice) => string.Equals(notice, PiiRelayOnly, StringComparison.OrdinalIgnoreCase);
}
