using Dashboard.Core.Audit;
using Dashboard.Core.Operators;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so a link or form on another site cannot sign an operator out.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/Account/Logout", async (
            HttpContext context,
            [FromServices] SignInManager<Operator> signInManager,
            [FromServices] AuditLog audit) =>
        {
            // The antiforgery middleware only records its verdict; an endpoint that binds no form must enforce it itself.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // A body of its own: re-executing the request for the status page would trip over the same bad token.
                return Results.Text("Sign-out must come from the dashboard's own Sign out button. Reload the dashboard and use it.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (context.User.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsync(context.User, new AuditEvent(AuditActions.SignedOut));
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login?signedOut=1");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
}
