namespace Dashboard.Core.PilotStatus.Messages;

/// <param name="Type"><c>DIRECT</c>, <c>GROUP</c> or <c>NEWSLETTER</c>, or another value kept as text.</param>
/// <param name="From">E.164; null for groups, newsletters and contacts known only by username.</param>
/// <param name="UserId">The durable WhatsApp user id (BSUID), usable as a destination.</param>
public sealed record Conversation(
    string Id,
    string? Type,
    string? From,
    string? FromName,
    string? UserId,
    string? Username,
    int UnreadCount,
    DateTimeOffset? LastMessageAt,
    string? LastMessagePreview,
    DateTimeOffset? CreatedAt);

/// <param name="Notice"><c>PII_RELAY_ONLY</c> when the number keeps no conversations; the list is then empty by design.</param>
public sealed record ConversationPage(
    IReadOnlyList<Conversation> Conversations,
    int Total,
    int Page,
    int PageSize,
    int TotalPages,
    string? Notice)
{
    public bool IsPiiRelayOnly => PageNotices.IsPiiRelayOnly(Notice);
}
