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
    private static readonly Operator Nobody = new() { UserName = "nobody" };

    // Hashed once, by the same hasher as real accounts: an unknown email checks the password against it, so it costs
    // what a wrong password for a real account does.
    private static string? _nobodysHash;

    // Identity returns at once for an unknown email; the time a sign-in takes would tell which emails are accounts.
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        _nobodysHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        UserManager.PasswordHasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
        return SignInResult.Failed;
    }

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
