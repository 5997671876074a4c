using System.Text.Json;

namespace Dashboard.Core.PilotStatus.Api;

// The JSON as Pilot Status sends it. Every member is optional: the docs disagree between versions, and a missing
// member must not fail a whole page. Mapping to the public records decides what is required.

internal sealed record NumberWire(
    string? Id,
    string? InstanceName,
    string? Number,
    string? Name,
    string? Provider,
    List<ApiKeyRefWire>? ApiKeys,
    string? State,
    bool? IsFullyConnected,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    HealthWire? Health,
    MetaWire? Meta);

internal sealed record ApiKeyRefWire(string? Name, string? KeyPrefix, string? KeyLast4);

internal sealed record HealthWire(string? QualityRating, string? MessagingLimitTier, string? MetaStatus, bool? Sendable);

internal sealed record MetaWire(DateTimeOffset? FetchedAt, MetaPhoneWire? Phone, MetaProfileWire? Profile, MetaWabaWire? Waba);

internal sealed record MetaPhoneWire(
    string? DisplayPhoneNumber,
    string? VerifiedName,
    string? QualityRating,
    string? MessagingLimitTier,
    bool? IsPinEnabled);

internal sealed record MetaProfileWire(string? About, string? Email, List<string>? Websites, string? Vertical);

internal sealed record MetaWabaWire(string? Id, string? Name, string? Currency, string? BusinessVerificationStatus, string? Country);

// Only the SDK and the guide describe this body; the flat id is accepted in case the instance is not nested.
// The docs say only that the answer "includes qrcodeBase64 and pairingCode": the number's fields come either inside
// an `instance` object or flat beside the code. Both are read.
internal sealed record CreatedNumberWire(
    NumberWire? Instance,
    string? Id,
    string? QrcodeBase64,
    string? PairingCode,
    string? LinkedApiKeyId,
    string? Name = null,
    string? InstanceName = null,
    string? Number = null,
    string? State = null);

internal sealed record ConnectWire(string? QrcodeBase64, string? PairingCode);

// CONFLICT in the docs: {state, isFullyConnected} or {id, state}.
internal sealed record StatusWire(string? Id, string? State, bool? IsFullyConnected);

internal sealed record DeletedWire(bool? Ok);

// CONFLICT in the docs: {instance, remotePairingUrl, maskedNumber, messageSent} or {provider, remotePairingToken, remotePairingUrl, numberId}.
internal sealed record RemotePairingWire(
    NumberWire? Instance,
    string? Provider,
    string? RemotePairingToken,
    string? RemotePairingUrl,
    string? NumberId,
    string? MaskedNumber,
    bool? MessageSent,
    string? MessageError);

/// <summary>One item of <c>GET /v1/api-keys</c>. Holds a raw key: a class with no generated ToString, and never kept past mapping.</summary>
internal sealed class ApiKeyItemWire
{
    public string? NumberId { get; init; }

    public string? KeyId { get; init; }

    public string? Key { get; init; }

    public bool? Revealable { get; init; }

    public override string ToString() => $"API key item of number {NumberId}";
}

internal sealed record MessageHistoryWire(
    List<ChatMessageWire>? Messages,
    int? Total,
    int? Page,
    int? PageSize,
    int? TotalPages,
    string? Notice);

internal sealed record ChatMessageWire(
    string? Id,
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
    MediaWire? Media,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset? ProviderTimestamp,
    DateTimeOffset? CreatedAt,
    string? ErrorMessage = null);

internal sealed record MediaWire(string? Provider, string? Id, string? Url, string? MimeType, string? FileName);

internal sealed record ConversationListWire(
    List<ConversationWire>? Conversations,
    int? Total,
    int? Page,
    int? PageSize,
    int? TotalPages,
    string? Notice);

internal sealed record ConversationWire(
    string? Id,
    string? Type,
    string? From,
    string? FromName,
    string? UserId,
    string? Username,
    int? UnreadCount,
    DateTimeOffset? LastMessageAt,
    string? LastMessagePreview,
    DateTimeOffset? CreatedAt);

internal sealed record AnalyticsWire(
    int? TotalSent,
    int? TotalFailed,
    double? SentPercentChange,
    double? FailedPercentChange,
    double? FailureRate,
    List<DailyCountWire>? DailyMessages,
    Dictionary<string, double>? StatusDistribution);

internal sealed record DailyCountWire(string? Date, int? Count);

internal sealed record ErrorWire(string? Error, string? Code, JsonElement? Details);

// linkToApiKey is sent as false on purpose: it only matters for number-scoped keys, and re-pointing a key to a new
// number is never what creating a number from the dashboard should do.
internal sealed record CreateNumberBody(string Name, string Number, bool LinkToApiKey = false);

internal sealed record RemotePairingBody(
    string Name,
    string Number,
    bool SendViaWhatsApp,
    string Provider = "PILOT_STATUS",
    bool LinkToApiKey = false);
