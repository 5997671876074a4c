using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Data.Common;
using System.Threading.Channels;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.LiveUpdates;

/// <summary>One delivery from Pilot Status, read and stored: <c>{ "event": "...", "data": { ... } }</c>.</summary>
public sealed record ReceivedEvent(string Event, JsonElement Data, DateTimeOffset ReceivedAt);

public enum InboxOutcome
{
    /// <summary>Stored for processing.</summary>
    Accepted,

    /// <summary>Already received (a retry); answered as a success so Pilot Status stops retrying.</summary>
    Duplicate,

    /// <summary>Not JSON, or not an <c>{event, data}</c> envelope.</summary>
    Malformed,

    /// <summary>A secret is configured and the signature header is missing or does not match it.</summary>
    BadSignature,

    /// <summary>The database could not store it; Pilot Status should retry later.</summary>
    Busy,
}

/// <summary>What the receiver has seen since this instance started, for <c>/health</c>.</summary>
public sealed record InboxCounters(
    long Accepted, long Duplicates, long Malformed, long Oversized, long BadSignatures, long Busy, long Processed, long Failed,
    DateTimeOffset? LastReceivedAt, long UnknownNumbers = 0);

/// <summary>
/// The receiver's inbox: checks and reads a delivery without doing any work on it and stores it in the database, whose
/// unique key drops a retry of one already stored by any instance. Only a stored delivery is answered 200; the work
/// happens after, in <see cref="WebhookProcessor"/> on whichever instance claims it.
/// </summary>
public sealed partial class WebhookInbox(
    IDbContextFactory<DashboardDbContext> contexts, IOptions<LiveUpdatesOptions> options, TimeProvider clock, ILogger<WebhookInbox> logger)
{
    private readonly LiveUpdatesOptions _options = options.Value;
    private readonly ILogger<WebhookInbox> _logger = logger;
    private readonly TimeProvider _clock = clock;
    private readonly Channel<bool> _stored = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _accepted, _duplicates, _malformed, _oversized, _badSignatures, _busy, _processed, _failed, _unknownNumbers;
    private long _lastReceivedTicks;

    public int MaxBodyBytes => _options.MaxBodyBytes;

    public InboxCounters Counters
    {
        get
        {
            var last = Interlocked.Read(ref _lastReceivedTicks);
            return new InboxCounters(
                Interlocked.Read(ref _accepted), Interlocked.Read(ref _duplicates), Interlocked.Read(ref _malformed),
                Interlocked.Read(ref _oversized), Interlocked.Read(ref _badSignatures), Interlocked.Read(ref _busy),
                Interlocked.Read(ref _processed), Interlocked.Read(ref _failed),
                last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero), Interlocked.Read(ref _unknownNumbers));
        }
    }

    /// <summary>Stored events no instance has processed yet.</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboxEvents.CountAsync(e => e.ProcessedAt == null, cancellationToken);
    }

    /// <summary>Counts a body refused for its size before it was read.</summary>
    public void CountOversized()
    {
        Interlocked.Increment(ref _oversized);
        LogOversized(_logger, _options.MaxBodyBytes);
    }

    /// <summary>Checks, reads and stores one delivery. Never throws on what the sender sent; a database that cannot store it is <see cref="InboxOutcome.Busy"/>.</summary>
    public async Task<InboxOutcome> AcceptAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _lastReceivedTicks, _clock.GetUtcNow().UtcTicks);
        // With a secret set, a delivery without a signature is as untrusted as one with a wrong signature.
        if (!string.IsNullOrEmpty(_options.SigningSecret) && (string.IsNullOrEmpty(signature) || !SignatureMatches(body.Span, signature)))
        {
            Interlocked.Increment(ref _badSignatures);
            LogBadSignature(_logger, _options.SignatureHeader);
            return InboxOutcome.BadSignature;
        }

        if (!TryRead(body.Span, out var received, out var reason))
        {
            Interlocked.Increment(ref _malformed);
            LogMalformed(_logger, body.Length, reason); // Never the body: it may hold customers' messages.
            return InboxOutcome.Malformed;
        }

        var key = DeduplicationKey(received, body.Span);
        try
        {
            if (await StoreAsync(key, received, cancellationToken))
            {
                Interlocked.Increment(ref _accepted);
                _stored.Writer.TryWrite(true); // Wakes this instance's processor at once.
                return InboxOutcome.Accepted;
            }

            Interlocked.Increment(ref _duplicates);
            return InboxOutcome.Duplicate;
        }
        catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException or TimeoutException)
        {
            Interlocked.Increment(ref _busy);
            LogBusy(_logger, e);
            return InboxOutcome.Busy;
        }
    }

    /// <summary>Waits until this instance stores an event, or <paramref name="timeout"/> passes.</summary>
    internal async Task WaitForStoredAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _stored.Reader.WaitToReadAsync(wait.Token);
            _stored.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    internal void CountProcessed() => Interlocked.Increment(ref _processed);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountUnknownNumber() => Interlocked.Increment(ref _unknownNumbers);

    /// <returns>False when an event with this key is already stored (a redelivery, to this instance or another).</returns>
    private async Task<bool> StoreAsync(string key, ReceivedEvent received, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.InboxEvents.AnyAsync(e => e.DedupeKey == key, cancellationToken))
        {
            return false; // The common retry, without a failed insert.
        }

        db.InboxEvents.Add(new InboxEvent
        {
            DedupeKey = key,
            Event = received.Event.Length > 100 ? received.Event[..100] : received.Event,
            Data = received.Data.GetRawText(),
            ReceivedAt = received.ReceivedAt.UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two instances stored the same delivery at the same moment: the unique key let one through.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await check.InboxEvents.AnyAsync(e => e.DedupeKey == key, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

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
    internal static string DeduplicationKey(ReceivedEvent received, ReadOnlySpan<byte> body)
    {
        var id = Text(received.Data, "id");
        var key = id is null
            ? "sha256:" + Convert.ToHexString(SHA256.HashData(body))
            : $"{received.Event}|{id}|{Text(received.Data, "createdAt")}";
        return key.Length <= InboxEvent.MaxKeyLength ? key : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    internal static string? Text(JsonElement data, string property) =>
        data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
        : data.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook delivery could not be stored; it was answered 503 for Pilot Status to retry")]
    private static partial void LogBusy(ILogger logger, Exception exception);
}
