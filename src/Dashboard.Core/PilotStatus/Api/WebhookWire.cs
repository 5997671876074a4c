using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.PilotStatus.Api;

// Webhooks and sends as Pilot Status sends them; as in Wire.cs every member is optional.

// The create response is not documented: the webhook itself, or (accepted too) the webhook nested under "webhook".
internal sealed record WebhookWire(
    string? Id,
    string? TenantId,
    string? Name,
    string? Url,
    string? Environment,
    bool? Active,
    List<string>? Events,
    DateTimeOffset? LastTriggered,
    List<string>? WhatsappNumberIds,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    WebhookWire? Webhook);

/// <summary>The logs response is not documented beyond its item fields: a bare array, or an object holding it.</summary>
[JsonConverter(typeof(WebhookLogsWireConverter))]
internal sealed record WebhookLogsWire(List<WebhookLogWire> Items);

// payload may be an object (the event as posted) or a string; response is the receiver's body, usually text.
internal sealed record WebhookLogWire(
    string? Id,
    string? Event,
    string? Status,
    int? StatusCode,
    JsonElement? Payload,
    JsonElement? Response,
    double? DurationMs,
    DateTimeOffset? CreatedAt);

internal sealed record SentMessageWire(
    string? Id,
    string? CorrelationId,
    string? Status,
    DateTimeOffset? CreatedAt,
    string? Origin,
    string? SourceNumber);

internal sealed record MessageReceiptWire(
    string? Id,
    string? Status,
    string? CorrelationId,
    string? DestinationNumber,
    string? Template,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    string? ErrorMessage);

// With a tenant key the number goes in the body as well as in the header: the docs name both.
internal sealed record CreateWebhookBody(string Name, string Url, List<string> Events, string WhatsappNumberId);

// Members left null are not sent, so a pause is exactly { "active": false }.
internal sealed record UpdateWebhookBody(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Active);

internal sealed record SendTextBody(string DestinationNumber, string Text);

internal sealed class WebhookLogsWireConverter : JsonConverter<WebhookLogsWire>
{
    private static readonly string[] ListMembers = ["logs", "data", "items", "deliveries"];

    public override WebhookLogsWire Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var list = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object => ListMembers
                .Select(name => root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value)
                .FirstOrDefault(value => value.ValueKind == JsonValueKind.Array),
            _ => default,
        };

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new WireFormatException("the delivery log is neither a list nor an object holding one");
        }

        return new WebhookLogsWire(list.Deserialize<List<WebhookLogWire>>(options) ?? []);
    }

    public override void Write(Utf8JsonWriter writer, WebhookLogsWire value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Items, options);
}
