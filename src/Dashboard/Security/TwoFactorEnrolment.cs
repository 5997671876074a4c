using Dashboard.Core.Operators;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Security;

/// <summary>
/// When an administrator requires two-factor sign-in, a signed-in operator without it reaches nothing but the account
/// pages: every other request is sent to the authenticator set-up page until they enrol.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string EnrolPath = "/Account/Manage/EnableAuthenticator";

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && !context.User.HasClaim(c => c.Type == OperatorClaimsPrincipalFactory.TwoFactorClaim)
                && !context.Request.Path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
                && context.GetEndpoint() is { } endpoint
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && await context.RequestServices.GetRequiredService<TwoFactorRequirement>().IsRequiredAsync(context.RequestAborted))
            {
                context.Response.Redirect(EnrolPath + "?required=1");
                return;
            }

            await next(context);
        });
}
