namespace PilotStatus.Sandbox;

internal static class FaultFilter
{
    private const string MalformedBody = """{"data":[{"id":"cmm0k2x9","state":"OP""";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var faults = http.RequestServices.GetRequiredService<FaultInjector>();
        var plan = faults.Take(http.Request.Method, http.Request.Path.Value ?? "/");

        try
        {
            // Wall-clock waits on purpose: they stand for network time, which the client's own timeouts measure in real time.
            if (plan.Latency > TimeSpan.Zero)
            {
                await Task.Delay(plan.Latency, http.RequestAborted);
            }

            return plan.Outcome?.Kind switch
            {
                FaultKind.RateLimit => RateLimited(http, plan.Outcome),
                FaultKind.ServerError => ApiErrors.Respond(StatusCodes.Status500InternalServerError, "Internal server error", null),
                FaultKind.MalformedJson => TypedResults.Text(MalformedBody, "application/json", statusCode: StatusCodes.Status200OK),
                FaultKind.Timeout => await HoldAsync(http, faults, plan.Outcome),
                _ => await next(context),
            };
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
    }

    private static IResult RateLimited(HttpContext http, FaultRule rule)
    {
        if (rule.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ApiErrors.Respond(StatusCodes.Status429TooManyRequests, "Rate limit exceeded", null);
    }

    private static async Task<IResult> HoldAsync(HttpContext http, FaultInjector faults, FaultRule rule)
    {
        // Shutting down lets go of held requests at once, so disposing a sandbox never waits for a 100 s hold.
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var released = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        faults.HoldStarted();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(rule.HoldSeconds), released.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return ApiErrors.Respond(StatusCodes.Status503ServiceUnavailable, "The server is shutting down.", null);
        }
        finally
        {
            faults.HoldEnded();
        }

        return ApiErrors.Respond(StatusCodes.Status504GatewayTimeout, $"The upstream did not answer within {rule.HoldSeconds} s.", null);
    }
}
