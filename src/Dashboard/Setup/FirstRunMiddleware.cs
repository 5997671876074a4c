using Dashboard.Core.Setup;

namespace Dashboard.Setup;

/// <summary>
/// Until the first administrator exists, every page leads to the setup page; afterwards the setup page is gone (404).
/// Static files, the health endpoint and the culture switch are never diverted.
/// </summary>
internal sealed class FirstRunMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/setup";

    public async Task InvokeAsync(HttpContext context, FirstRunState state)
    {
        var path = context.Request.Path;
        if (IsInfrastructure(path))
        {
            await next(context);
            return;
        }

        var complete = state.KnownComplete
            || await context.RequestServices.GetRequiredService<FirstRunSetup>().IsCompleteAsync(context.RequestAborted);
        var onSetup = path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase);

        if (!complete && !onSetup)
        {
            context.Response.Redirect(SetupPath);
            return;
        }

        if (complete && onSetup)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    }

    private static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments("/health")
        || path.StartsWithSegments("/culture")
        || path.StartsWithSegments("/hooks")
        || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/not-found")
        || Path.HasExtension(path.Value);
}

public static class FirstRunMiddlewareExtensions
{
    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) => app.UseMiddleware<FirstRunMiddleware>();
}
