using System.Text.RegularExpressions;

namespace PilotStatus.Sandbox;

/// <param name="Destination">E.164 with <c>+</c>, or a BSUID.</param>
/// <param name="Fails">The recipient matches <see cref="SandboxOptions.FailingRecipientPattern"/>.</param>
internal sealed record SentMessageRecord(
    string Id,
    string CorrelationId,
    string ExternalId,
    SandboxNumber Number,
    string Destination,
    string Text,
    DateTimeOffset CreatedAt,
    bool Fails);

/// <summary>A message's status at one moment, derived from the time since it was sent.</summary>
internal sealed record MessageProgress(string Status, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? ReadAt, string? ErrorMessage);

/// <summary>
/// Messages sent through <c>POST /v1/messages/send</c>. Each one's status is a function of the sandbox clock
/// (QUEUED, then SENT, DELIVERED and READ at the configured delays, or FAILED for a failing recipient), so
/// <c>GET /v1/messages/{id}</c> reads it at once after a test advances time; a timer per message posts the matching
/// <c>message.*</c> events as each step is reached.
/// </summary>
internal sealed class SentMessages
{
    public const string NotOnWhatsApp = "WHATSAPP_NOT_EXIST: the recipient's number has no WhatsApp account.";

    private readonly Lock _gate = new();
    private readonly List<SentMessageRecord> _messages = [];
    private readonly TimeProvider _clock;
    private readonly EventPublisher _events;
    private readonly Regex? _failing;
    private readonly TimeSpan _sentAfter;
    private readonly TimeSpan _deliveredAfter;
    private readonly TimeSpan _readAfter;
    private readonly IdGenerator _ids;
    private CancellationTokenSource _generation = new();

    public SentMessages(SandboxOptions options, TimeProvider clock, EventPublisher events)
    {
        _clock = clock;
        _events = events;
        _failing = string.IsNullOrEmpty(options.FailingRecipientPattern) ? null : new Regex(options.FailingRecipientPattern, RegexOptions.CultureInvariant);
        _sentAfter = options.MessageSentAfter;
        _deliveredAfter = options.MessageDeliveredAfter;
        _readAfter = options.MessageReadAfter;
        _ids = new IdGenerator(IdGenerator.StableSeed(options.Seed, "sent-messages"));
    }

    public SentMessageRecord Send(SandboxNumber number, string destination, string text)
    {
        SentMessageRecord message;
        CancellationToken generation;
        lock (_gate)
        {
            message = new SentMessageRecord(
                "msg_" + _ids.Chars("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24),
                "corr_" + _ids.Chars("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24),
                "wamid.HBg" + _ids.Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32),
                number,
                destination,
                text,
                _clock.GetUtcNow(),
                _failing?.IsMatch(destination) == true);
            _messages.Add(message);
            generation = _generation.Token;
        }

        _ = AnnounceAsync(message, generation);
        return message;
    }

    /// <summary>By the id the send returned, its correlation id or the provider's wamid, within one number.</summary>
    public SentMessageRecord? Find(SandboxNumber number, string id)
    {
        lock (_gate)
        {
            return _messages.LastOrDefault(m => m.Number == number && (m.Id == id || m.CorrelationId == id || m.ExternalId == id));
        }
    }

    public MessageProgress ProgressOf(SentMessageRecord message, DateTimeOffset now)
    {
        var elapsed = now - message.CreatedAt;
        var sentAt = message.CreatedAt + _sentAfter;
        if (elapsed < _sentAfter)
        {
            return new MessageProgress(MessageValues.Queued, null, null, null, null);
        }

        if (message.Fails)
        {
            return new MessageProgress(MessageValues.Failed, null, null, null, NotOnWhatsApp);
        }

        var deliveredAt = message.CreatedAt + _deliveredAfter;
        var readAt = message.CreatedAt + _readAfter;
        return elapsed < _deliveredAfter ? new MessageProgress(MessageValues.Sent, sentAt, null, null, null)
            : elapsed < _readAfter ? new MessageProgress(MessageValues.Delivered, sentAt, deliveredAt, null, null)
            : new MessageProgress(MessageValues.Read, sentAt, deliveredAt, readAt, null);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
            _generation.Cancel();
            _generation.Dispose();
            _generation = new CancellationTokenSource();
        }
    }

    private async Task AnnounceAsync(SentMessageRecord message, CancellationToken generation)
    {
        (TimeSpan After, string Event, string Status)[] steps = message.Fails
            ? [(_sentAfter, WebhookValues.MessageFailed, MessageValues.Failed)]
            : [(_sentAfter, WebhookValues.MessageSent, MessageValues.Sent),
               (_deliveredAfter, WebhookValues.MessageDelivered, MessageValues.Delivered),
               (_readAfter, WebhookValues.MessageRead, MessageValues.Read)];
        try
        {
            foreach (var (after, eventName, status) in steps)
            {
                var due = message.CreatedAt + after;
                var wait = due - _clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _clock, generation);
                }

                _events.MessageStatusChanged(message, eventName, status, due);
            }
        }
        catch (OperationCanceledException)
        {
            // The sandbox was reset or stopped.
        }
    }
}
