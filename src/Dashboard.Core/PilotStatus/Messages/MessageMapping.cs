using Dashboard.Core.PilotStatus.Api;

namespace Dashboard.Core.PilotStatus.Messages;

internal static class MessageMapping
{
    // The relay-only answer carries only messages/total/notice: the paging figures fall back to what was asked.
    public static MessagePage ToPage(MessageHistoryWire wire, PageRequest asked)
    {
        var messages = (wire.Messages ?? []).Select(ToMessage).ToArray();
        var (total, page, size, pages) = Paging(wire.Total, wire.Page, wire.PageSize, wire.TotalPages, messages.Length, asked);
        return new MessagePage(messages, total, page, size, pages, wire.Notice);
    }

    public static ConversationPage ToPage(ConversationListWire wire, PageRequest asked)
    {
        var conversations = (wire.Conversations ?? []).Select(ToConversation).ToArray();
        var (total, page, size, pages) = Paging(wire.Total, wire.Page, wire.PageSize, wire.TotalPages, conversations.Length, asked);
        return new ConversationPage(conversations, total, page, size, pages, wire.Notice);
    }

    private static ChatMessage ToMessage(ChatMessageWire m) => new(
        Wire.Required(m.Id, "message id"),
        m.ConversationId,
        m.Direction,
        m.ProviderKind,
        m.ExternalMessageId,
        m.Status,
        m.MessageType,
        m.Origin,
        m.Text,
        m.ParticipantName,
        m.ParticipantPhone,
        m.RepliedToExternalId,
        m.Media is { } media ? new MessageMedia(media.Provider, media.Id, media.Url, media.MimeType, media.FileName) : null,
        m.SentAt,
        m.DeliveredAt,
        m.ReadAt,
        m.ProviderTimestamp,
        m.CreatedAt,
        m.ErrorMessage);

    private static Conversation ToConversation(ConversationWire c) => new(
        Wire.Required(c.Id, "conversation id"),
        c.Type,
        c.From,
        c.FromName,
        c.UserId,
        c.Username,
        c.UnreadCount ?? 0,
        c.LastMessageAt,
        c.LastMessagePreview,
        c.CreatedAt);

    private static (int Total, int Page, int PageSize, int TotalPages) Paging(
        int? total, int? page, int? pageSize, int? totalPages, int count, PageRequest asked)
    {
        var size = pageSize ?? asked.SafePageSize;
        var all = total ?? count;
        return (all, page ?? asked.SafePage, size, totalPages ?? (size > 0 ? (all + size - 1) / size : 0));
    }
}
