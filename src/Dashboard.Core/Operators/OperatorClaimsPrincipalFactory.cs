using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Operators;

/// <summary>
/// Adds the operator's display name to the sign-in cookie, so the app bar shows it without a query, and whether they
/// have two-factor sign-in, so the "2FA required" check on every page needs no query either.
/// </summary>
public sealed class OperatorClaimsPrincipalFactory(
    UserManager<Operator> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Operator, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    public const string TwoFactorClaim = "two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Operator user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "true"));
        }

        return identity;
    }
}
