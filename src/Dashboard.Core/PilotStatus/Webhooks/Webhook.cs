namespace Dashboard.Core.PilotStatus.Webhooks;

/// <summary>A webhook of one number: where Pilot Status posts its <c>{event, data}</c> events. The signing secret is never returned.</summary>
/// <param name="Events">The subscribed event names; empty means nothing is delivered, <c>*</c> means everything (see <see cref="WebhookEvents"/>).</param>
/// <param name="Environment"><c>LIVE</c> in the docs' example; kept as text.</param>
/// <param name="NumberIds">The number it belongs to (the API lists it as an array); it cannot change after creation.</param>
public sealed record Webhook(
    string Id,
    string? Name,
    string Url,
    bool Active,
    IReadOnlyList<string> Events,
    string? Environment,
    IReadOnlyList<string> NumberIds,
    DateTimeOffset? LastTriggered,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    public bool DeliversNothing => Events.Count == 0;

    public bool DeliversEverything => Events.Contains(WebhookEvents.All);
}

/// <summary>What to send to create a webhook on a number.</summary>
/// <param name="Url">An absolute http(s) URL; the live service should get https.</param>
/// <param name="Events">Event names or <c>*</c>; an empty list is accepted by the API but delivers nothing.</param>
public sealed record NewWebhook(string Name, string Url, IReadOnlyList<string> Events);

/// <summary>A change to a webhook; only the members that are set are sent.</summary>
/// <param name="Events">Replaces the whole list (the API does not merge): send every event the webhook should keep.</param>
/// <param name="Active"><c>false</c> pauses deliveries, <c>true</c> resumes them.</param>
public sealed record WebhookChange(string? Name = null, string? Url = null, IReadOnlyList<string>? Events = null, bool? Active = null)
{
    public static WebhookChange Pause { get; } = new(Active: false);

    public static WebhookChange Resume { get; } = new(Active: true);

    public bool IsEmpty => Name is null && Url is null && Events is null && Active is null;
}

public sealed record WebhookDeleted(string WebhookId);

/// <summary>One delivery attempt of a webhook, from <c>GET /v1/webhooks/{id}/logs</c>.</summary>
/// <param name="Status"><c>SUCCESS</c> or <c>FAILED</c>, or another value kept as text.</param>
/// <param name="StatusCode">The receiver's HTTP status; null when no answer came (connection refused, timeout).</param>
/// <param name="Payload">The body that was posted, as JSON text.</param>
/// <param name="Response">What the receiver answered (or why there was no answer), as text.</param>
public sealed record WebhookDelivery(
    string? Id,
    string Event,
    string Status,
    int? StatusCode,
    string? Payload,
    string? Response,
    TimeSpan? Duration,
    DateTimeOffset? CreatedAt)
{
    public bool Succeeded => string.Equals(Status, "SUCCESS", StringComparison.OrdinalIgnoreCase);
}

/// <param name="Limit">1 to 50; the API's default is 50.</param>
/// <param name="Event">Only attempts of this event name.</param>
public sealed record WebhookLogQuery(int Limit = WebhookLogQuery.MaxLimit, string? Event = null)
{
    public const int MaxLimit = 50;

    internal int SafeLimit => Math.Clamp(Limit, 1, MaxLimit);

    internal string? SafeEvent => string.IsNullOrWhiteSpace(Event) ? null : Event.Trim();
}
