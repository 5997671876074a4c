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
    WebhookInbox inbox, NumberStateBook states, IPilotStatusClient pilotStatus, ILogger<WebhookProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var received in inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    Process(received);
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

    internal void Process(ReceivedEvent received)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a {Event} webhook event failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Event} webhook event named no number (neither data.numberId nor data.id); ignored")]
    private static partial void LogNoNumber(ILogger logger, string @event);
}
