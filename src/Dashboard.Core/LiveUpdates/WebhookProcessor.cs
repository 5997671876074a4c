using System.Globalization;
using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.LiveUpdates;

/// <summary>
/// Works through the receiver's queue, one event at a time, after the sender already has its 200: number lifecycle
/// events update the shared state (and through it every open page); the rest are counted and left to their features.
/// </summary>
public sealed partial class WebhookProcessor(
    WebhookInbox inbox, NumberStateBook states, IPilotStatusClient pilotStatus, TimeProvider clock, ILogger<WebhookProcessor> logger) : BackgroundService
{
    /// <summary>How often an event for a number missing from the shared list may make the list be read again.</summary>
    internal static readonly TimeSpan UnknownNumberRefreshGap = TimeSpan.FromSeconds(10);

    private long _lastRefreshTicks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var received in inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ProcessAsync(received, stoppingToken);
                    inbox.CountProcessed();
                }
                catch (Exception e)
                {
                    // One event that cannot be handled must not stop the ones behind it.
                    inbox.CountFailed();
                    LogFailed(logger, e, received.Event);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
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

        if (list.Value!.Numbers.Any(n => n.Id == numberId))
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
        return !list.Succeeded || list.Value!.Numbers.Any(n => n.Id == numberId);
    }

    // Debug: a flood of invented ids must not flood the log too; /health counts them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Event} webhook event named a number that is not in the tenant's list; dropped")]
    private static partial void LogUnknownNumber(ILogger logger, string @event);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a {Event} webhook event failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Event} webhook event named no number (neither data.numberId nor data.id); ignored")]
    private static partial void LogNoNumber(ILogger logger, string @event);
}
