using System.Security.Claims;
using Dashboard.Core.Operators;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Account;

/// <summary>
/// Re-checks the signed-in operator every minute while a circuit is open, and at once when an administrator changes or
/// disables them on any instance (<see cref="OperatorChanges"/>): a changed password or role, or an operator disabled
/// by an administrator, ends the session instead of at the cookie's next check. The scopes the circuit's pages hold
/// are refreshed (customers taken away) or revoked (session ended) at the same moment.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly OperatorScopes circuitScopes;
    private readonly OperatorChanges changes;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options, OperatorScopes circuitScopes,
        OperatorChanges changes)
        : base(loggerFactory)
    {
        (this.scopeFactory, this.options, this.circuitScopes, this.changes) = (scopeFactory, options, circuitScopes, changes);
        changes.Changed += RecheckSoon;
    }

    /// <summary>How long a disabled operator may keep an open page; the sign-in cookie is checked as often.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        RevalidateAsync(authenticationState.User, cancellationToken);

    /// <summary>One periodic check: the session is still valid (and the scopes are brought up to date) or it ends.</summary>
    internal async Task<bool> RevalidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!await IsStillValidAsync(principal))
        {
            circuitScopes.RevokeAll();
            return false;
        }

        await circuitScopes.RefreshAsync(cancellationToken);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        changes.Changed -= RecheckSoon;
        base.Dispose(disposing);
    }

    private void RecheckSoon(string? operatorId) => _ = RecheckAsync(operatorId);

    private async Task RecheckAsync(string? operatorId)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated != true
                || (operatorId is not null && operatorId != state.User.FindFirstValue(ClaimTypes.NameIdentifier)))
            {
                return;
            }

            if (!await RevalidateAsync(state.User))
            {
                NotifyAuthenticationStateChanged(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The minute's revalidation still runs; a failed early check only loses the head start.
        }
    }

    /// <summary>The operator still exists, is not disabled, and nothing changed their security stamp since they signed in.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.DisabledAt is not null)
        {
            return false;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
