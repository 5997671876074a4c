namespace Dashboard.Core.PilotStatus.Messages;

/// <summary>A free-form text to send from a number.</summary>
/// <param name="To">The recipient in E.164 (<c>+5511999999999</c>); spaces, dashes and brackets are ignored.</param>
public sealed record OutgoingText(string To, string Text)
{
    /// <summary>WhatsApp's limit for one text message.</summary>
    public const int MaxLength = 4096;
}

/// <summary>What <c>POST /v1/messages/send</c> answered: the message was accepted, not yet delivered.</summary>
/// <param name="Id">The message id to follow with <see cref="IPilotStatusClient.GetMessageStatusAsync"/>; it is
/// <c>internalMessageId</c> in the <c>message.*</c> webhooks.</param>
public sealed record SentMessage(
    string Id,
    string? CorrelationId,
    MessageStatus Status,
    DateTimeOffset? CreatedAt,
    string? Origin,
    string? SourceNumber);

/// <summary>One sent message's status from <c>GET /v1/messages/{id}</c>.</summary>
/// <param name="ErrorMessage">Why it failed, when <see cref="Status"/> is <c>FAILED</c>.</param>
public sealed record MessageReceipt(
    string Id,
    MessageStatus Status,
    string? CorrelationId,
    string? DestinationNumber,
    string? Template,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    string? ErrorMessage);

/// <summary>
/// A sent message's status as Pilot Status names it (<c>QUEUED</c>, <c>SENT</c>, <c>DELIVERED</c>, <c>READ</c>,
/// <c>FAILED</c>, <c>CANCELED</c>). A value the docs do not list is kept as text.
/// </summary>
public readonly record struct MessageStatus
{
    private readonly string? _value;

    public MessageStatus(string? value) => _value = value?.Trim();

    public static MessageStatus Queued { get; } = new("QUEUED");

    public static MessageStatus Sent { get; } = new("SENT");

    public static MessageStatus Delivered { get; } = new("DELIVERED");

    public static MessageStatus Read { get; } = new("READ");

    public static MessageStatus Failed { get; } = new("FAILED");

    public static MessageStatus Canceled { get; } = new("CANCELED");

    public string Value => _value ?? string.Empty;

    public bool IsQueued => Is("QUEUED");

    public bool IsSent => Is("SENT");

    public bool IsDelivered => Is("DELIVERED");

    public bool IsRead => Is("READ");

    public bool IsFailed => Is("FAILED");

    public bool IsCanceled => Is("CANCELED") || Is("CANCELLED");

    /// <summary>Worth no more polling: delivered, read, failed or cancelled. A delivered message may still turn read, but read receipts may never come.</summary>
    public bool IsFinal => IsDelivered || IsRead || IsFailed || IsCanceled;

    public string DisplayName =>
        IsQueued ? "Queued"
        : IsSent ? "Sent"
        : IsDelivered ? "Delivered"
        : IsRead ? "Read"
        : IsFailed ? "Failed"
        : IsCanceled ? "Cancelled"
        : Value.Length == 0 ? "Unknown" : $"Unknown ({Value})";

    public override string ToString() => Value;

    private bool Is(string status) => string.Equals(_value, status, StringComparison.OrdinalIgnoreCase);
}
