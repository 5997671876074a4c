using Dashboard.Core.PilotStatus.Messages;

namespace Dashboard.Core.Messages;

/// <summary>How far an outgoing message got, as WhatsApp's ticks show it; received messages have none.</summary>
public enum Delivery
{
    None,
    Queued,
    Sent,
    Delivered,
    Read,
    Failed,
}

/// <param name="Day">The calendar day in the operator's zone.</param>
/// <param name="Messages">Oldest first.</param>
public sealed record ChatDay(DateOnly Day, IReadOnlyList<ChatMessage> Messages);

/// <summary>One conversation read as a chat: oldest message at the top, a separator for each day in the operator's zone.</summary>
public static class ChatDays
{
    /// <summary>When the message was sent or received, as WhatsApp dates it.</summary>
    public static DateTimeOffset? When(ChatMessage message) => message.ProviderTimestamp ?? message.CreatedAt;

    /// <param name="newestFirst">As Pilot Status pages them (the history is newest first).</param>
    public static IReadOnlyList<ChatDay> ByDay(IEnumerable<ChatMessage> newestFirst, TimeZoneInfo zone)
    {
        var days = new List<ChatDay>();
        List<ChatMessage>? current = null;
        DateOnly? currentDay = null;

        // A message without any time stays where the history put it, in the day of its neighbour.
        foreach (var message in newestFirst.Reverse())
        {
            var day = When(message) is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : currentDay ?? DateOnly.MinValue;
            if (current is null || day != currentDay)
            {
                current = [];
                currentDay = day;
                days.Add(new ChatDay(day, current));
            }

            current.Add(message);
        }

        return days;
    }

    public static Delivery DeliveryOf(ChatMessage message)
    {
        if (message.IsInbound)
        {
            return Delivery.None;
        }

        return message.Status?.ToUpperInvariant() switch
        {
            "FAILED" or "CANCELED" or "CANCELLED" => Delivery.Failed,
            "READ" => Delivery.Read,
            "DELIVERED" => Delivery.Delivered,
            "SENT" => Delivery.Sent,
            "QUEUED" or "PENDING" => Delivery.Queued,

            // An undocumented status: the furthest step its timestamps prove.
            _ => message.ReadAt is not null ? Delivery.Read
                : message.DeliveredAt is not null ? Delivery.Delivered
                : message.SentAt is not null ? Delivery.Sent
                : Delivery.Queued,
        };
    }
}
