using Dashboard.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Operators;

/// <summary>What the dashboard remembers about an operator besides their credentials.</summary>
public sealed class OperatorAccounts(IDbContextFactory<DashboardDbContext> contexts, UserManager<Operator> users, TimeProvider clock)
    : IOperatorPreferences
{
    public async Task<ThemePreference> GetThemeAsync(string operatorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == operatorId).Select(u => u.Theme).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetThemeAsync(string operatorId, ThemePreference theme, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == operatorId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Theme, theme), cancellationToken);
    }

    public async Task RecordSignInAsync(string operatorId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == operatorId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, now), cancellationToken);
    }

    /// <summary>
    /// The dashboard sends no email: a reset link is made here and handed over by an administrator (or printed by
    /// the <c>reset-password</c> command). The token is Identity's own, so it dies when the password changes.
    /// </summary>
    public async Task<string?> CreatePasswordResetLinkAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return null;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
        return $"Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}";
    }
}
