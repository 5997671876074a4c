using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.LiveUpdates;

/// <summary>One delivery from Pilot Status, read and queued: <c>{ "event": "...", "data": { ... } }</c>.</summary>
public sealed record ReceivedEvent(string Event, JsonElement Data, DateTimeOffset ReceivedAt);

public enum InboxOutcome
{
    /// <summary>Queued for processing.</summary>
    Accepted,

    /// <summary>Already received (a retry); answered as a success so Pilot Status stops retrying.</summary>
    Duplicate,

    /// <summary>Not JSON, or not an <c>{event, data}</c> envelope.</summary>
    Malformed,

    /// <summary>A secret is configured and the signature header is missing or does not match it.</summary>
    BadSignature,

    /// <summary>The queue is full; Pilot Status should retry later.</summary>
    Busy,
}

/// <summary>What the receiver has seen since start, for <c>/health</c>.</summary>
public sealed record InboxCounters(
    long Accepted, long Duplicates, long Malformed, long Oversized, long BadSignatures, long Busy, long Processed, long Failed,
    int Queued, DateTimeOffset? LastReceivedAt, long UnknownNumbers = 0);

/// <summary>
/// The receiver's queue: checks and reads a delivery without doing any work on it, drops retries of one already seen,
/// and hands the rest to <see cref="WebhookProcessor"/> through a bounded channel, so the sender gets its 200 at once.
/// </summary>
public sealed partial class WebhookInbox
{
    private readonly Channel<ReceivedEvent> _queue;
    private readonly LiveUpdatesOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookInbox> _logger;
    private readonly Lock _seenGate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _seenOrder = new();
    private long _accepted, _duplicates, _malformed, _oversized, _badSignatures, _busy, _processed, _failed, _unknownNumbers;
    private long _lastReceivedTicks;

    public WebhookInbox(IOptions<LiveUpdatesOptions> options, TimeProvider clock, ILogger<WebhookInbox> logger)
    {
        (_options, _clock, _logger) = (options.Value, clock, logger);
        _queue = Channel.CreateBounded<ReceivedEvent>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping a queued event.
        });
    }

    public int MaxBodyBytes => _options.MaxBodyBytes;

    internal ChannelReader<ReceivedEvent> Reader => _queue.Reader;

    public InboxCounters Counters
    {
        get
        {
            var last = Interlocked.Read(ref _lastReceivedTicks);
            return new InboxCounters(
                Interlocked.Read(ref _accepted), Interlocked.Read(ref _duplicates), Interlocked.Read(ref _malformed),
                Interlocked.Read(ref _oversized), Interlocked.Read(ref _badSignatures), Interlocked.Read(ref _busy),
                Interlocked.Read(ref _processed), Interlocked.Read(ref _failed), _queue.Reader.Count,
                last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero), Interlocked.Read(ref _unknownNumbers));
        }
    }

    /// <summary>Counts a body refused for its size before it was read.</summary>
    public void CountOversized()
    {
        Interlocked.Increment(ref _oversized);
        LogOversized(_logger, _options.MaxBodyBytes);
    }

    /// <summary>Checks, reads and queues one delivery. Never throws on what the sender sent.</summary>
    public InboxOutcome Accept(ReadOnlySpan<byte> body, string? signature)
    {
        Interlocked.Exchange(ref _lastReceivedTicks, _clock.GetUtcNow().UtcTicks);
        // With a secret set, a delivery without a signature is as untrusted as one with a wrong signature.
        if (!string.IsNullOrEmpty(_options.SigningSecret) && (string.IsNullOrEmpty(signature) || !SignatureMatches(body, signature)))
        {
            Interlocked.Increment(ref _badSignatures);
            LogBadSignature(_logger, _options.SignatureHeader);
            return InboxOutcome.BadSignature;
        }

        if (!TryRead(body, out var received, out var reason))
        {
            Interlocked.Increment(ref _malformed);
            LogMalformed(_logger, body.Length, reason); // Never the body: it may hold customers' messages.
            return InboxOutcome.Malformed;
        }

        var key = DeduplicationKey(received, body);
        if (!Remember(key))
        {
            Interlocked.Increment(ref _duplicates);
            return InboxOutcome.Duplicate;
        }

        if (!_queue.Writer.TryWrite(received))
        {
            Forget(key); // Not processed, so Pilot Status's retry must not be taken for a duplicate.
            Interlocked.Increment(ref _busy);
            LogBusy(_logger, _options.QueueCapacity);
            return InboxOutcome.Busy;
        }

        Interlocked.Increment(ref _accepted);
        return InboxOutcome.Accepted;
    }

    internal void CountProcessed() => Interlocked.Increment(ref _processed);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountUnknownNumber() => Interlocked.Increment(ref _unknownNumbers);

    private bool TryRead(ReadOnlySpan<byte> body, out ReceivedEvent received, out string reason)
    {
        received = default!;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("event", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
            {
                reason = "no \"event\" name";
                return false;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                reason = "no \"data\" object";
                return false;
            }

            received = new ReceivedEvent(name.GetString()!.Trim(), data.Clone(), _clock.GetUtcNow());
            reason = "";
            return true;
        }
        catch (JsonException e)
        {
            reason = $"not valid JSON at byte {e.BytePositionInLine}";
            return false;
        }
    }

    /// <summary>
    /// Retries carry the same <c>data.id</c> (the contract says to deduplicate by it). For number events <c>data.id</c>
    /// may well be the number's own id, so the event name and <c>createdAt</c> are part of the key: a number that
    /// connects twice is two events, a retried delivery is one. Without an id, the body's hash stands in.
    /// </summary>
    private static string DeduplicationKey(ReceivedEvent received, ReadOnlySpan<byte> body)
    {
        var id = Text(received.Data, "id");
        return id is null
            ? "sha256:" + Convert.ToHexString(SHA256.HashData(body))
            : $"{received.Event}|{id}|{Text(received.Data, "createdAt")}";
    }

    internal static string? Text(JsonElement data, string property) =>
        data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
        : data.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;

    private bool Remember(string key)
    {
        lock (_seenGate)
        {
            if (!_seen.Add(key))
            {
                return false;
            }

            _seenOrder.Enqueue(key);
            while (_seenOrder.Count > _options.DeduplicationWindow)
            {
                _seen.Remove(_seenOrder.Dequeue());
            }

            return true;
        }
    }

    private void Forget(string key)
    {
        lock (_seenGate)
        {
            _seen.Remove(key); // Its place in _seenOrder goes when it reaches the front.
        }
    }

    private bool SignatureMatches(ReadOnlySpan<byte> body, string signature)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.SigningSecret!), body);
        var text = signature.Trim();
        if (text.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            text = text["sha256=".Length..];
        }

        byte[] given;
        try
        {
            given = text.Length == expected.Length * 2 ? Convert.FromHexString(text) : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook delivery of {Length} bytes: {Reason}")]
    private static partial void LogMalformed(ILogger logger, int length, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook delivery larger than {MaxBodyBytes} bytes (LiveUpdates:MaxBodyBytes)")]
    private static partial void LogOversized(ILogger logger, int maxBodyBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook delivery whose {Header} signature does not match LiveUpdates:SigningSecret")]
    private static partial void LogBadSignature(ILogger logger, string header);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook queue is full ({Capacity} events); a delivery was answered 503 for Pilot Status to retry")]
    private static partial void LogBusy(ILogger logger, int capacity);
}
