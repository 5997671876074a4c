using System.Text.Json;
using Dashboard.Core.PilotStatus.Api;

namespace Dashboard.Core.PilotStatus.Webhooks;

internal static class WebhookMapping
{
    public static Webhook ToWebhook(WebhookWire wire, string numberId)
    {
        var hook = wire.Webhook ?? wire;
        return new Webhook(
            Wire.Required(hook.Id, "webhook id"),
            hook.Name,
            Wire.Required(hook.Url, "webhook URL"),
            hook.Active ?? true,
            hook.Events ?? [],
            hook.Environment,
            // The PATCH example carries no whatsappNumberIds; the webhook still belongs to the number that was asked about.
            hook.WhatsappNumberIds is { Count: > 0 } ids ? ids : [numberId],
            hook.LastTriggered,
            hook.CreatedAt,
            hook.UpdatedAt);
    }

    public static IReadOnlyList<WebhookDelivery> ToDeliveries(WebhookLogsWire wire) =>
        wire.Items.Select(ToDelivery).OrderByDescending(d => d.CreatedAt).ToArray();

    private static WebhookDelivery ToDelivery(WebhookLogWire log) => new(
        log.Id,
        Wire.Required(log.Event, "event name in a delivery log item"),
        Wire.Required(log.Status, "status in a delivery log item"),
        log.StatusCode,
        Text(log.Payload),
        Text(log.Response),
        log.DurationMs is { } ms and >= 0 ? TimeSpan.FromMilliseconds(ms) : null,
        log.CreatedAt);

    // A string is shown as it is; an object or array as its JSON.
    private static string? Text(JsonElement? element) => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } json => json.GetRawText(),
    };
}
