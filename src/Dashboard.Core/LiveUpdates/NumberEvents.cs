using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.LiveUpdates;

/// <summary>A number's state as the dashboard came to know it changed, from a webhook event, a poll or an operator's action.</summary>
/// <param name="From">The state known before; null when the dashboard had never seen the number.</param>
/// <param name="Label">The number's name, or its phone or id when it has none, for a notification.</param>
public sealed record NumberStateChanged(
    string NumberId, string Label, NumberState? From, NumberState To, bool Ready, DateTimeOffset At, StatusChangeSource Source, string? Detail)
{
    /// <summary>The state <c>number.removed</c> leaves in the timeline; Pilot Status itself has no such state.</summary>
    public static readonly NumberState Removed = new("REMOVED");

    /// <summary>
    /// Seen by another instance and told through the cluster bus: pages show it, but that instance already recorded it
    /// in the timeline.
    /// </summary>
    public bool FromOtherInstance { get; init; }

    /// <summary>A connected number lost its connection: operators who can see it are told at once.</summary>
    public bool IsDisconnectOfOpenNumber => From is { IsOpen: true } && To.IsClosed;
}

/// <summary>
/// The one place every open page hears about number changes. Components subscribe when they render and unsubscribe on
/// dispose; a handler runs on the thread that raised it, so components hop to their own with <c>InvokeAsync</c>.
/// </summary>
public sealed partial class NumberEvents(ILogger<NumberEvents> logger)
{
    public event Action<NumberStateChanged>? StateChanged;

    internal void Raise(NumberStateChanged change)
    {
        // One by one: a faulty subscriber (a page half torn down) must not keep the others from hearing it.
        foreach (var handler in StateChanged?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<NumberStateChanged>)handler)(change);
            }
            catch (Exception e)
            {
                LogSubscriberFailed(logger, e, change.NumberId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to number events failed on a change of number {NumberId}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string numberId);
}
