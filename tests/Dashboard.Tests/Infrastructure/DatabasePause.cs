using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Holds one database operation at a chosen point until the test lets it go, so a test can put another operator's
/// change exactly between a read and what is done with it. Inert until armed; pauses once.
/// </summary>
public sealed class DatabasePause
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<string, bool>? _beforeQuery;
    private bool _beforeSave;
    private int _paused;

    public IInterceptor[] Interceptors => [new Commands(this), new Saves(this)];

    /// <summary>Pauses before the first query whose SQL <paramref name="matches"/>.</summary>
    public void BeforeQuery(Func<string, bool> matches) => _beforeQuery = matches;

    /// <summary>Pauses the first SaveChanges before it writes anything.</summary>
    public void BeforeSave() => _beforeSave = true;

    /// <summary>Completes when the paused operation has got as far as the pause.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    private async Task PauseAsync()
    {
        if (Interlocked.Exchange(ref _paused, 1) == 0)
        {
            _reached.TrySetResult();
            await _released.Task;
        }
    }

    private sealed class Commands(DatabasePause pause) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (pause._beforeQuery?.Invoke(command.CommandText) == true)
            {
                await pause.PauseAsync();
            }

            return result;
        }
    }

    private sealed class Saves(DatabasePause pause) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (pause._beforeSave)
            {
                await pause.PauseAsync();
            }

            return result;
        }
    }
}
