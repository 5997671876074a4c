using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Operators;

/// <summary>Identity's sign-in manager, with one more rule: a disabled operator cannot sign in by any route.</summary>
public sealed class OperatorSignInManager(
    UserManager<Operator> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Operator> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Operator>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Operator> confirmation)
    : SignInManager<Operator>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // Identity asks this before checking the password or the second factor (SignInResult.NotAllowed).
    public override async Task<bool> CanSignInAsync(Operator user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);

    // The cookie's periodic check (SecurityStampValidator) comes here: a disabled operator's cookie stops working.
    public override async Task<Operator?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { DisabledAt: null } ? user : null;
    }
}
