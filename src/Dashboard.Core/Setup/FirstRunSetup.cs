using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Setup;

public sealed record NewAdministrator(string Email, string DisplayName, string Password);

public sealed record SetupResult(bool Succeeded, bool AlreadyComplete, IReadOnlyList<string> Errors, Operator? Administrator = null)
{
    public static SetupResult Done(Operator administrator) => new(true, false, [], administrator);
    public static readonly SetupResult Complete = new(false, true, ["The dashboard is already set up."]);
    public static SetupResult Failed(IEnumerable<string> errors) => new(false, false, errors.ToList());
}

/// <summary>Remembers, for the life of the process, that set-up is done: once true it never goes back.</summary>
public sealed class FirstRunState
{
    private volatile bool _complete;

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public bool KnownComplete => _complete;

    internal void MarkComplete() => _complete = true;
}

/// <summary>Creates the first administrator exactly once, through the setup page or from configuration.</summary>
public sealed class FirstRunSetup(DashboardDbContext db, UserManager<Operator> users, FirstRunState state, TimeProvider clock)
{
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default)
    {
        if (state.KnownComplete)
        {
            return true;
        }

        if (await db.SetupMarkers.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            state.MarkComplete();
            return true;
        }

        return false;
    }

    public async Task<SetupResult> CreateFirstAdministratorAsync(NewAdministrator request, CancellationToken cancellationToken = default)
    {
        // The gate serialises requests in this process; the marker row's fixed key does the same across processes.
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            if (await IsCompleteAsync(cancellationToken))
            {
                return SetupResult.Complete;
            }

            var administrator = new Operator
            {
                UserName = request.Email.Trim(),
                Email = request.Email.Trim(),
                DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Email.Trim() : request.DisplayName.Trim(),
                EmailConfirmed = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.SetupMarkers.Add(new SetupMarker { CompletedAt = administrator.CreatedAt, AdministratorId = administrator.Id });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return SetupResult.Complete;
            }

            var created = await users.CreateAsync(administrator, request.Password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return SetupResult.Failed(created.Errors.Select(e => e.Description));
            }

            var role = await users.AddToRoleAsync(administrator, OperatorRoles.Administrator);
            if (!role.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return SetupResult.Failed(role.Errors.Select(e => e.Description));
            }

            await transaction.CommitAsync(cancellationToken);
            state.MarkComplete();
            return SetupResult.Done(administrator);
        }
        finally
        {
            state.Gate.Release();
        }
    }
}
