using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

/// <summary>The documented list item shape (pt-BR playground); the signing secret is never part of it.</summary>
internal sealed record WebhookResponse(
    string Id,
    string TenantId,
    string Name,
    string Url,
    string Environment,
    bool Active,
    IReadOnlyList<string> Events,
    IReadOnlyList<ApiKeyRef> ApiKeys,
    DateTimeOffset? LastTriggered,
    IReadOnlyList<string> WhatsappNumberIds,
    IReadOnlyList<string> WhatsappInstanceIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed record ApiKeyRef(string Id, string Name);

internal sealed record CreateWebhookRequest(string? Name, string? Url, List<string>? Events, string? WhatsappNumberId, bool? Active);

internal sealed record UpdateWebhookRequest(string? Name, string? Url, List<string>? Events, bool? Active, string? WhatsappNumberId);

/// <summary>One delivery attempt. <c>attempt</c> is the sandbox's own addition (1 for the first try).</summary>
internal sealed record WebhookLogResponse(
    string Id,
    string Event,
    string Status,
    int? StatusCode,
    JsonNode Payload,
    string? Response,
    long DurationMs,
    int Attempt,
    DateTimeOffset CreatedAt);

/// <summary>The posted envelope, schema v3: <c>{ "event": "...", "data": { ... } }</c>.</summary>
internal sealed record WebhookEnvelope(string Event, JsonObject Data);

internal static class WebhookValues
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string LiveEnvironment = "LIVE";

    public const string All = "*";

    public const string NumberCreated = "number.created";
    public const string NumberConnected = "number.connected";
    public const string NumberDisconnected = "number.disconnected";
    public const string NumberRemoved = "number.removed";

    public const string MessageSent = "message.sent";
    public const string MessageDelivered = "message.delivered";
    public const string MessageRead = "message.read";
    public const string MessageFailed = "message.failed";

    /// <summary>Contract §4.2. Health events are listed so that a subscription naming them is accepted, but only <c>*</c> receives them.</summary>
    public static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        MessageSent, MessageDelivered, MessageRead, MessageFailed,
        "message.received", "message.reply", "message.group", "message.newsletter",
        NumberCreated, NumberConnected, NumberDisconnected, NumberRemoved, "number.recovered",
        "number.health_blocked", "number.health_degraded", "number.health_shadowban",
        "call.ringing", "call.connected", "call.ended", "call.missed", "call.permission_updated", "calls",
    };

    public static bool IsHealth(string name) => name.StartsWith("number.health_", StringComparison.Ordinal);
}

internal sealed record SendMessageRequest(
    string? DestinationNumber,
    string? GroupId,
    string? NewsletterId,
    string? Text,
    string? TemplateId,
    string? Media,
    string? MediaType);

internal sealed record SendMessageResponse(string Id, string CorrelationId, string Status, DateTimeOffset CreatedAt, string Origin, string SourceNumber);

internal sealed record MessageStatusResponse(
    string Id,
    string Status,
    string CorrelationId,
    string DestinationNumber,
    [property: JsonPropertyName("template")] string? Template,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    string? ErrorMessage);
