using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Api;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.PilotStatus.Messages;

internal static class SendMapping
{
    public static SentMessage ToSent(SentMessageWire wire) => new(
        Wire.Required(wire.Id, "message id"),
        wire.CorrelationId,
        // The send is documented to answer QUEUED; a missing status means the same.
        new MessageStatus(string.IsNullOrWhiteSpace(wire.Status) ? MessageStatus.Queued.Value : wire.Status),
        wire.CreatedAt,
        wire.Origin,
        PhoneDisplay.ToE164(wire.SourceNumber));

    public static MessageReceipt ToReceipt(MessageReceiptWire wire, string requestedId) => new(
        string.IsNullOrWhiteSpace(wire.Id) ? requestedId : wire.Id,
        new MessageStatus(Wire.Required(wire.Status, "message status")),
        wire.CorrelationId,
        wire.DestinationNumber,
        wire.Template,
        wire.CreatedAt,
        wire.SentAt,
        wire.DeliveredAt,
        wire.ReadAt,
        wire.ErrorMessage);
}
