using System.Security.Claims;
using Dashboard.Core.Operators;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Account;

/// <summary>
/// Re-checks the signed-in operator every minute while a circuit is open: a changed password or role, or an operator
/// disabled by an administrator, ends the session within a minute instead of at the cookie's next check. The scopes
/// the circuit's pages hold are refreshed (customers taken away) or revoked (session ended) at the same moment.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        OperatorScopes circuitScopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
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
