using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.LiveUpdates;

/// <summary>
/// Works through the inbox table after the sender already has its 200: claims a batch of stored events that no instance
/// holds (or whose holder's lease ran out), processes them one at a time and marks each done. Number lifecycle events
/// update the shared state (and through it every open page on every instance); the rest are left to their features.
/// </summary>
public sealed partial class WebhookProcessor(
    WebhookInbox inbox,
    NumberStateBook states,
    IPilotStatusClient pilotStatus,
    IDbContextFactory<DashboardDbContext> contexts,
    IOptions<LiveUpdatesOptions> options,
    TimeProvider clock,
    ILogger<WebhookProcessor> logger) : BackgroundService
{
    private readonly CancellationTokenSource _stopping = new(); // Never disposed: the host may stop a disposed service.
    private DateTimeOffset _nextCleanup;

    /// <summary>How often an event for a number missing from the shared list may make the list be read again.</summary>
    internal static readonly TimeSpan UnknownNumberRefreshGap = TimeSpan.FromSeconds(10);

    private long _lastRefreshTicks;

    // The ids of the list snapshot last looked at, built once per snapshot: a burst of events must not scan 10,000
    // numbers each.
    private KnownIds? _known;

    /// <summary>Processes what this instance holds and lets go of the rest of its claim at once, for the other instances.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // Let the host finish starting.
        while (!_stopping.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var processed = await RunOnceAsync(_stopping.Token);
                if (processed == 0)
                {
                    await inbox.WaitForStoredAsync(options.Value.InboxPollInterval, _stopping.Token);
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested || stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database went away for a moment: what is stored stays stored, and is claimed again later.
                LogClaimFailed(logger, e);
                await Task.Delay(options.Value.InboxPollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Claims one batch and processes it; returns how many events it processed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken stopping)
    {
        var (token, claimed) = await ClaimAsync(CancellationToken.None);
        var done = 0;
        try
        {
            foreach (var row in claimed)
            {
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                await ProcessStoredAsync(row, stopping);
                await MarkProcessedAsync(row.Id, token);
                done++;
            }
        }
        finally
        {
            if (done < claimed.Count)
            {
                await ReleaseAsync(token);
            }
        }

        await CleanUpAsync();
        return done;
    }

    private async Task ProcessStoredAsync(InboxEvent row, CancellationToken cancellationToken)
    {
        try
        {
            using var data = JsonDocument.Parse(row.Data);
            await ProcessAsync(new ReceivedEvent(row.Event, data.RootElement.Clone(), new DateTimeOffset(DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc))),
                cancellationToken);
            inbox.CountProcessed();
        }
        catch (Exception e)
        {
            // One event that cannot be handled must not stop the ones behind it; it is marked done all the same.
            inbox.CountFailed();
            LogFailed(logger, e, row.Event);
        }
    }

    /// <summary>
    /// Picks candidates, then claims them with one conditional update: a row another instance claimed in between no
    /// longer matches, so each row goes to one instance only, whatever the database's isolation level.
    /// </summary>
    private async Task<(Guid Token, List<InboxEvent> Claimed)> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.InboxLease;
        var token = Guid.NewGuid();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidates = await db.InboxEvents.AsNoTracking()
            .Where(e => e.ProcessedAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(options.Value.InboxBatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (token, []);
        }

        var count = await db.InboxEvents
            .Where(e => candidates.Contains(e.Id) && e.ProcessedAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ClaimToken, token)
                .SetProperty(e => e.ClaimedUntil, until)
                .SetProperty(e => e.Claims, e => e.Claims + 1), cancellationToken);
        if (count == 0)
        {
            return (token, []);
        }

        var claimed = await db.InboxEvents.AsNoTracking().Where(e => e.ClaimToken == token && e.ProcessedAt == null)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        if (claimed.Any(e => e.Claims > 1))
        {
            LogReclaimed(logger, claimed.Count(e => e.Claims > 1));
        }

        return (token, claimed);
    }

    /// <summary>Marked only while still ours: an event whose lease ran out and was claimed again is not marked twice.</summary>
    private async Task MarkProcessedAsync(long id, Guid token)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync();
        await db.InboxEvents.Where(e => e.Id == id && e.ClaimToken == token && e.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, now));
    }

    private async Task ReleaseAsync(Guid token)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.InboxEvents.Where(e => e.ClaimToken == token && e.ProcessedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, (DateTime?)null));
        }
        catch (Exception e)
        {
            LogReleaseFailed(logger, e); // Left to the lease: another instance claims them when it runs out.
        }
    }

    private async Task CleanUpAsync()
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + TimeSpan.FromMinutes(1);
        var before = (now - options.Value.InboxRetention).UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync();
        await db.InboxEvents.Where(e => e.ProcessedAt != null && e.ProcessedAt < before).ExecuteDeleteAsync();
    }

    internal async Task ProcessAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        if (!received.Event.StartsWith("number.", StringComparison.Ordinal))
        {
            return;
        }

        // The contract has no example of a number event: read the number defensively.
        var numberId = WebhookInbox.Text(received.Data, "numberId") ?? WebhookInbox.Text(received.Data, "id");
        if (string.IsNullOrEmpty(numberId))
        {
            LogNoNumber(logger, received.Event);
            return;
        }

        // A removed number may have left the list already (the state book still knows it), and a second look could not
        // find it either.
        if (received.Event != "number.created"
            && states.Get(numberId) is null
            && !await IsListedAsync(numberId, mayRefresh: received.Event != "number.removed", cancellationToken))
        {
            inbox.CountUnknownNumber();
            LogUnknownNumber(logger, received.Event);
            return;
        }

        var at = DateTimeOffset.TryParse(WebhookInbox.Text(received.Data, "createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt)
            ? createdAt
            : received.ReceivedAt;

        switch (received.Event)
        {
            case "number.connected":
                states.Observe(numberId, NumberState.Open, ready: true, StatusChangeSource.Event, received.Event, at);
                break;
            case "number.disconnected":
                states.Observe(numberId, NumberState.Closed, ready: false, StatusChangeSource.Event, received.Event, at);
                break;
            case "number.removed":
                pilotStatus.InvalidateNumberList();
                states.Observe(numberId, NumberStateChanged.Removed, ready: false, StatusChangeSource.Event, received.Event, at);
                break;
            case "number.created":
                pilotStatus.InvalidateNumberList(); // The next read of the list includes it.
                break;
        }
    }

    /// <summary>
    /// Whether the number is in the tenant's list, so events for invented ids never reach the state book or the timeline.
    /// A number added moments ago may be missing from the shared copy: the list is read again once, but not more often
    /// than <see cref="UnknownNumberRefreshGap"/>, so a flood of invented ids cannot turn into a flood of list reads.
    /// When the list cannot be read at all the event is believed: the sender proved itself with the receiver's token.
    /// </summary>
    private async Task<bool> IsListedAsync(string numberId, bool mayRefresh, CancellationToken cancellationToken)
    {
        var list = await pilotStatus.ListNumbersAsync(cancellationToken);
        if (!list.Succeeded)
        {
            return true;
        }

        if (Lists(list.Value!, numberId))
        {
            return true;
        }

        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastRefreshTicks);
        if (!mayRefresh || (last != 0 && now - last < UnknownNumberRefreshGap.Ticks) || Interlocked.CompareExchange(ref _lastRefreshTicks, now, last) != last)
        {
            return false;
        }

        pilotStatus.InvalidateNumberList();
        list = await pilotStatus.ListNumbersAsync(cancellationToken);
        return !list.Succeeded || Lists(list.Value!, numberId);
    }

    private bool Lists(NumberList list, string numberId)
    {
        var known = Volatile.Read(ref _known);
        if (known is null || !ReferenceEquals(known.List, list))
        {
            known = new KnownIds(list, list.Numbers.Select(n => n.Id).ToHashSet(StringComparer.Ordinal));
            Volatile.Write(ref _known, known);
        }

        return known.Ids.Contains(numberId);
    }

    private sealed record KnownIds(NumberList List, HashSet<string> Ids);

    // Debug: a flood of invented ids must not flood the log too; /health counts them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Event} webhook event named a number that is not in the tenant's list; dropped")]
    private static partial void LogUnknownNumber(ILogger logger, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim stored webhook events; trying again shortly")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand back unprocessed webhook events; other instances take them when the lease runs out")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over {Count} webhook events another instance had claimed and not finished")]
    private static partial void LogReclaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a {Event} webhook event failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Event} webhook event named no number (neither data.numberId nor data.id); ignored")]
    private static partial void LogNoNumber(ILogger logger, string @event);
}
