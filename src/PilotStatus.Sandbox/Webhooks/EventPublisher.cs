using System.Text.Json.Nodes;

namespace PilotStatus.Sandbox;

/// <summary>
/// Turns what happens in the sandbox into webhook events (contract §4): the number's lifecycle and its sent messages'
/// status. Each event goes to the webhooks of its number that subscribe to it, at the moment it happens.
/// </summary>
internal sealed class EventPublisher(WebhookStore store, WebhookDispatcher dispatcher)
{
    public void NumberCreated(SandboxNumber number, ConnectionState state, DateTimeOffset at) =>
        Publish(number, WebhookValues.NumberCreated, NumberData(number, state, at));

    /// <summary>Only an OPEN number losing its session is a disconnect; a pairing attempt that ends in CLOSE is not.</summary>
    public void NumberStateChanged(SandboxNumber number, ConnectionState from, ConnectionState to, DateTimeOffset at)
    {
        if (to == ConnectionState.Open && from != ConnectionState.Open)
        {
            Publish(number, WebhookValues.NumberConnected, NumberData(number, to, at));
        }
        else if (from == ConnectionState.Open && to == ConnectionState.Close)
        {
            Publish(number, WebhookValues.NumberDisconnected, NumberData(number, to, at));
        }
    }

    /// <summary>The number's webhooks get <c>number.removed</c>, then go with the number.</summary>
    public void NumberRemoved(SandboxNumber number, DateTimeOffset at)
    {
        var data = NumberData(number, ConnectionState.Close, at);
        dispatcher.Enqueue(store.Subscribers(number, WebhookValues.NumberRemoved), WebhookValues.NumberRemoved, data, outlivesWebhook: true);
        store.RemoveAllOf(number);
    }

    public void MessageStatusChanged(SentMessageRecord message, string eventName, string status, DateTimeOffset at)
    {
        var data = new JsonObject
        {
            ["id"] = EventId(),
            ["internalMessageId"] = message.Id,
            ["messageId"] = status == "FAILED" ? null : message.ExternalId, // No provider id when it failed before the provider answered.
            ["correlationId"] = message.CorrelationId,
            ["numberId"] = message.Number.Id,
            ["from"] = "+" + message.Number.Definition.Number,
            ["to"] = message.Destination,
            ["fromMe"] = true,
            ["type"] = "text",
            ["status"] = status,
            ["createdAt"] = Timestamp(at),
        };
        if (message.Fails)
        {
            data["errorMessage"] = SentMessages.NotOnWhatsApp;
        }

        Publish(message.Number, eventName, data);
    }

    private void Publish(SandboxNumber number, string eventName, JsonObject data) =>
        dispatcher.Enqueue(store.Subscribers(number, eventName), eventName, data);

    // data.id is what receivers deduplicate on: one per event, the same on every retry of it.
    private static string EventId() => "evt_" + Guid.NewGuid().ToString("N");

    private static JsonObject NumberData(SandboxNumber number, ConnectionState state, DateTimeOffset at)
    {
        var d = number.Definition;
        return new JsonObject
        {
            ["id"] = EventId(),
            ["numberId"] = d.Id,
            ["instanceName"] = d.InstanceName,
            ["number"] = "+" + d.Number,
            ["name"] = d.Name,
            ["provider"] = d.Provider == NumberProvider.Meta ? "META" : "PILOT_STATUS",
            ["state"] = state switch
            {
                ConnectionState.Open => "OPEN",
                ConnectionState.Connecting => "CONNECTING",
                _ => "CLOSE",
            },
            ["isFullyConnected"] = state == ConnectionState.Open && (d.Meta?.Health.Sendable ?? true),
            ["createdAt"] = Timestamp(at),
        };
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
