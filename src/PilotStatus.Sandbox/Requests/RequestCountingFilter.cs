namespace PilotStatus.Sandbox;

internal static class RequestCountingFilter
{
    public static ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint() is RouteEndpoint endpoint)
        {
            // A group's empty pattern leaves a trailing slash ("/v1/numbers/"); the key reads as the documented path.
            var pattern = endpoint.RoutePattern.RawText?.TrimEnd('/') ?? string.Empty;
            http.RequestServices.GetRequiredService<RequestCounter>().Record($"{http.Request.Method} {pattern}");
        }

        return next(context);
    }
}
