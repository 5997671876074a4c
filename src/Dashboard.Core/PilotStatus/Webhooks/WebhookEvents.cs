namespace Dashboard.Core.PilotStatus.Webhooks;

/// <summary>A group of event names as the contract groups them, for an event picker.</summary>
/// <param name="Name">The group's English name (a resx key in the UI).</param>
/// <param name="Subscribable">False for the health events: they only arrive with a <c>*</c> subscription, never by name.</param>
/// <param name="Note">What to tell the operator about the group, when there is something (English, a resx key).</param>
public sealed record WebhookEventGroup(string Name, IReadOnlyList<string> Events, bool Subscribable = true, string? Note = null);

/// <summary>The webhook event names Pilot Status documents (contract §4.2). Unknown names are still accepted by the client.</summary>
public static class WebhookEvents
{
    /// <summary>Every event, including the health events that cannot be subscribed to by name.</summary>
    public const string All = "*";

    public const string MessageSent = "message.sent";
    public const string MessageDelivered = "message.delivered";
    public const string MessageRead = "message.read";
    public const string MessageFailed = "message.failed";

    public const string MessageReceived = "message.received";
    public const string MessageReply = "message.reply";
    public const string MessageGroup = "message.group";
    public const string MessageNewsletter = "message.newsletter";

    public const string NumberCreated = "number.created";
    public const string NumberConnected = "number.connected";
    public const string NumberDisconnected = "number.disconnected";
    public const string NumberRemoved = "number.removed";
    public const string NumberRecovered = "number.recovered";

    public const string NumberHealthBlocked = "number.health_blocked";
    public const string NumberHealthDegraded = "number.health_degraded";
    public const string NumberHealthShadowban = "number.health_shadowban";

    public const string CallRinging = "call.ringing";
    public const string CallConnected = "call.connected";
    public const string CallEnded = "call.ended";
    public const string CallMissed = "call.missed";
    public const string CallPermissionUpdated = "call.permission_updated";
    public const string Calls = "calls";

    public static IReadOnlyList<string> OutboundStatus { get; } = [MessageSent, MessageDelivered, MessageRead, MessageFailed];

    public static IReadOnlyList<string> NumberLifecycle { get; } = [NumberCreated, NumberConnected, NumberDisconnected, NumberRemoved, NumberRecovered];

    public static IReadOnlyList<WebhookEventGroup> Groups { get; } =
    [
        new("Outbound status", OutboundStatus, Note: "message.read arrives only when the recipient has read receipts on."),
        new("Inbound", [MessageReceived, MessageReply, MessageGroup, MessageNewsletter]),
        new("Number lifecycle", NumberLifecycle,
            Note: "number.disconnected is sent after a periodic health check confirms it, not on brief drops."),
        new("Health", [NumberHealthBlocked, NumberHealthDegraded, NumberHealthShadowban, NumberRecovered], Subscribable: false,
            Note: "Health events arrive only with the \"*\" (all events) subscription; they cannot be picked one by one."),
        new("Voice calls", [CallRinging, CallConnected, CallEnded, CallMissed, CallPermissionUpdated, Calls],
            Note: "Voice call events come from Meta Cloud API numbers only."),
    ];

    /// <summary>Whether the name is <c>*</c> or one the contract lists (health events included).</summary>
    public static bool IsKnown(string name) => name == All || Groups.Any(g => g.Events.Contains(name));

    /// <summary>Whether a webhook subscribed to <paramref name="events"/> gets <paramref name="name"/>, by the contract's gating rules.</summary>
    public static bool Delivers(IEnumerable<string> events, string name)
    {
        var subscribed = events as ICollection<string> ?? events.ToArray();
        return subscribed.Contains(All) || (!IsHealth(name) && subscribed.Contains(name));
    }

    private static bool IsHealth(string name) => name is NumberHealthBlocked or NumberHealthDegraded or NumberHealthShadowban;
}
