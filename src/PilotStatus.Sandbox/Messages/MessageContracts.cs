using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

/// <param name="Provider"><c>META</c>, <c>EVO</c> or <c>EVO_GO</c>.</param>
/// <param name="Id">The Meta media id; null on Evolution.</param>
internal sealed record MessageMedia(string Provider, string? Id, string? Url, string MimeType, string? FileName);

/// <summary>The documented <c>ChatMessageDTO</c>, plus <c>errorMessage</c> on FAILED outbound messages.</summary>
internal sealed record ChatMessage(
    string Id,
    string ConversationId,
    string Direction,
    NumberProvider ProviderKind,
    string ExternalMessageId,
    string Status,
    string MessageType,
    string? Origin,
    string? Text,
    string? ParticipantName,
    string? ParticipantPhone,
    string? RepliedToExternalId,
    MessageMedia? Media,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset ProviderTimestamp,
    DateTimeOffset CreatedAt,
    string? ErrorMessage);

internal sealed record Conversation(
    string Id,
    string? From,
    string? FromName,
    string? UserId,
    string? Username,
    string Type,
    int UnreadCount,
    DateTimeOffset LastMessageAt,
    DateTimeOffset CreatedAt,
    string? LastMessagePreview);

internal sealed record HistoryPage(
    IReadOnlyList<ChatMessage> Messages,
    int Total,
    int Page,
    int PageSize,
    int TotalPages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notice = null);

internal sealed record ConversationPage(
    IReadOnlyList<Conversation> Conversations,
    int Total,
    int Page,
    int PageSize,
    int TotalPages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notice = null);

internal static class MessageValues
{
    public const string Inbound = "INBOUND";
    public const string Outbound = "OUTBOUND";

    public const string Queued = "QUEUED";
    public const string Sent = "SENT";
    public const string Delivered = "DELIVERED";
    public const string Read = "READ";
    public const string Failed = "FAILED";

    public const string Direct = "DIRECT";
    public const string Group = "GROUP";
    public const string Newsletter = "NEWSLETTER";

    public const string RelayOnlyNotice = "PII_RELAY_ONLY";

    public static readonly string[] Types = ["text", "image", "audio", "video", "document", "location", "contacts", "sticker", "reaction"];

    public static readonly string[] OutboundStatuses = [Queued, Sent, Delivered, Read, Failed];
}
