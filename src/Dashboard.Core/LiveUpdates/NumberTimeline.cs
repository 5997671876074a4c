using System.Threading.Channels;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.LiveUpdates;

/// <summary>A number's status timeline, newest first, for operators who may see the number.</summary>
public sealed class NumberTimeline(IDbContextFactory<DashboardDbContext> contexts, CustomerDirectory customers)
{
    public const int MaxEntries = 200;

    /// <summary>The latest changes, or null when the operator may not see the number (shown as not found).</summary>
    public async Task<IReadOnlyList<NumberStatusChange>?> ForNumberAsync(OperatorScope scope, string numberId, CancellationToken cancellationToken = default)
    {
        var assignments = await customers.GetAsync(cancellationToken);
        if (!scope.CanSee(assignments.CustomerOf(numberId)))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.NumberStatusChanges.AsNoTracking().Where(c => c.NumberId == numberId)
            .OrderByDescending(c => c.Id).Take(MaxEntries).ToListAsync(cancellationToken);

        // Rows are written in the order changes were noticed; events can arrive out of order, so show them by when they happened.
        return rows.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToList();
    }
}

/// <summary>Writes every change raised on <see cref="NumberEvents"/> to the timeline table, off the thread that raised it.</summary>
public sealed partial class TimelineRecorder : BackgroundService
{
    private readonly Channel<NumberStateChanged> _pending = Channel.CreateBounded<NumberStateChanged>(
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly NumberEvents _events;
    private readonly IDbContextFactory<DashboardDbContext> _contexts;
    private readonly ILogger<TimelineRecorder> _logger;

    public TimelineRecorder(NumberEvents events, IDbContextFactory<DashboardDbContext> contexts, ILogger<TimelineRecorder> logger)
    {
        (_events, _contexts, _logger) = (events, contexts, logger);
        _events.StateChanged += Enqueue; // From construction, so a change raised before the host starts is not missed.
    }

    public override void Dispose()
    {
        _events.StateChanged -= Enqueue;
        _pending.Writer.TryComplete();
        base.Dispose();
    }

    /// <summary>Stops taking changes and writes the ones already queued, within the host's shutdown timeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _events.StateChanged -= Enqueue;
        _pending.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await base.StopAsync(cancellationToken);
    }

    private void Enqueue(NumberStateChanged change)
    {
        if (change.FromOtherInstance)
        {
            return; // The instance that saw it records it: one timeline entry per change, however many instances.
        }

        if (!_pending.Writer.TryWrite(change) && !_pending.Reader.Completion.IsCompleted)
        {
            LogDropped(_logger, change.NumberId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<NumberStateChanged>();
        try
        {
            // Not stopped by stoppingToken: StopAsync completes the queue, and what it holds is still written.
            while (await _pending.Reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                while (batch.Count < 500 && _pending.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                try
                {
                    await WriteAsync(batch, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogWriteFailed(_logger, e, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(List<NumberStateChanged> batch, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.NumberStatusChanges.AddRange(batch.Select(c => new NumberStatusChange
        {
            NumberId = c.NumberId,
            At = c.At.UtcDateTime,
            FromState = c.From?.Value is { Length: > 0 } from ? Cut(from, 20) : null,
            ToState = Cut(c.To.Value, 20),
            Source = c.Source,
            Detail = c.Detail is null ? null : Cut(c.Detail, 500),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The status timeline queue is full; a change of number {NumberId} was not recorded")]
    private static partial void LogDropped(ILogger logger, string numberId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} status timeline entries failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
