using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;

namespace Dashboard.Core.PilotStatus.Api;

/// <summary>Turns every way a call can go wrong into an <see cref="ApiFailure"/> with a sentence a person can act on.</summary>
internal sealed class FailureTranslator(TimeProvider clock, IOptions<PilotStatusClientOptions> options, IPilotStatusEndpoint endpoint)
{
    public const string TenantScopeNotAllowed = "TENANT_SCOPE_NOT_ALLOWED";
    public const string NumberScopeNotAllowed = "NUMBER_SCOPE_NOT_ALLOWED";

    private const string KeyAdvice = "Check PilotStatus:TenantApiKey: it must be the tenant key from Profile → API in Pilot Status";

    public ApiFailure FromResponse(HttpStatusCode? status, HttpResponseHeaders? headers, string? body, CallContext call)
    {
        if (status is null)
        {
            return Unreachable("no answer came back");
        }

        var httpStatus = (int)status.Value;
        var error = ReadError(body);
        var code = string.IsNullOrWhiteSpace(error?.Code) ? null : error.Code;
        var said = Said(error, code);
        var statusText = $"HTTP {httpStatus}{(code is null ? "" : " " + code)}";

        return httpStatus switch
        {
            401 when call.NumberKeyOf is { } numberId => new ApiFailure(ApiFailureKind.Unauthorized,
                $"Pilot Status rejected the API key of number '{numberId}' ({statusText}). It may have just been regenerated: try again, " +
                "and if it keeps failing regenerate the number's key in Pilot Status.", code),
            401 => new ApiFailure(ApiFailureKind.Unauthorized,
                $"Pilot Status rejected the API key ({statusText}). {KeyAdvice}, and it changes whenever someone regenerates it.", code),
            402 => new ApiFailure(ApiFailureKind.Forbidden,
                $"Pilot Status requires a paid subscription for this ({statusText}){said}. Check the plan in Pilot Status.", code),
            403 when code == NumberScopeNotAllowed => new ApiFailure(ApiFailureKind.Forbidden,
                $"Pilot Status refused this for a number-scoped key ({statusText}). {KeyAdvice}, not the key of one number.", code),
            403 => new ApiFailure(ApiFailureKind.Forbidden,
                $"Pilot Status refused this operation for the key's scope ({statusText}){said}. {KeyAdvice}.", code),
            404 => new ApiFailure(ApiFailureKind.NotFound,
                $"{call.Subject ?? "The requested item"} was not found in this Pilot Status account: it may have been removed, " +
                "or it belongs to another tenant. Reload the list and try again.", code),
            409 => new ApiFailure(ApiFailureKind.Conflict,
                call.ConflictMessage ?? $"Pilot Status refused this because of the current state ({statusText}){said}. Reload and check the state before trying again.",
                code),
            429 => RateLimited(RetryAfter(headers), code),
            408 => TimedOut(),
            >= 500 => new ApiFailure(ApiFailureKind.Unavailable,
                $"Pilot Status answered with a server error ({statusText}){said}. This is usually temporary on their side: try again in a minute.", code),
            _ => new ApiFailure(ApiFailureKind.InvalidRequest,
                $"Pilot Status rejected the request as invalid ({statusText}){said}. Correct the input and try again.", code),
        };
    }

    /// <summary>The failure an exception from the pipeline stands for; null for exceptions that are bugs, not API failures.</summary>
    public ApiFailure? Translate(Exception exception, CallContext call) => exception switch
    {
        ApiRequestException { InnerException: { } inner } => Translate(inner, call),
        ApiException api => FromResponse(api.StatusCode, api.Headers, api.Content, call),
        TimeoutRejectedException => TimedOut(),
        BrokenCircuitException => new ApiFailure(ApiFailureKind.Unavailable,
            $"Calls to Pilot Status are paused for about {Seconds(options.Value.BreakerBreakDuration)} after repeated failures, " +
            "to give it time to recover. Try again shortly.", RetryAfter: options.Value.BreakerBreakDuration),
        RateLimiterRejectedException => new ApiFailure(ApiFailureKind.Unavailable,
            "Too many calls to Pilot Status are already in progress from this dashboard. Try again in a moment."),
        HttpRequestException http => Unreachable(Describe(http)),
        OperationCanceledException => TimedOut(),
        JsonException or WireFormatException => Malformed(exception),
        _ => null,
    };

    public ApiFailure Malformed(Exception exception) => exception switch
    {
        JsonException { Path: { } path } => Malformed($"unexpected JSON at {path}"),
        WireFormatException wire => Malformed(wire.Message),
        { InnerException: { } inner } => Malformed(inner),
        _ => Malformed("JSON that does not parse"),
    };

    public static ApiFailure Malformed(string detail) => new(ApiFailureKind.MalformedResponse,
        $"Pilot Status sent a response the dashboard could not read ({detail}). The API may have changed; try again later and report it if it persists.");

    public static ApiFailure RateLimited(TimeSpan? retryAfter, string? code = null) => new(ApiFailureKind.RateLimited,
        retryAfter is { } wait
            ? $"Pilot Status is limiting requests (HTTP 429). Try again in {Seconds(wait)}."
            : "Pilot Status is limiting requests (HTTP 429). Wait a minute and try again.",
        code,
        retryAfter);

    public TimeSpan? RetryAfter(HttpResponseHeaders? headers) => headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private ApiFailure Unreachable(string reason) => new(ApiFailureKind.Unavailable,
        $"Could not reach Pilot Status at {Authority()} ({reason}). Check the network connection and PilotStatus:BaseUrl, then try again.");

    private ApiFailure TimedOut() => new(ApiFailureKind.Unavailable,
        // No figure here: a GET gives up after its retries, a POST (never retried) after one attempt.
        "Pilot Status did not answer in time. Try again in a minute; if it keeps happening, check the network connection.");

    private static string Said(ErrorWire? error, string? code) =>
        string.IsNullOrWhiteSpace(error?.Error) || error.Error == code ? "" : $": \"{error.Error.Trim().TrimEnd('.')}\"";

    private static ErrorWire? ReadError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ErrorWire>(body, PilotStatusJson.Options);
        }
        catch (JsonException)
        {
            return null; // An HTML error page from a proxy: the status code alone still says enough.
        }
    }

    private string Authority()
    {
        try
        {
            return endpoint.BaseAddress.GetLeftPart(UriPartial.Authority);
        }
        catch (InvalidOperationException)
        {
            return "the configured address";
        }
    }

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "the connection was refused or could not be made",
        HttpRequestError.SecureConnectionError => "the secure connection could not be established",
        HttpRequestError.ProxyTunnelError => "the proxy refused the connection",
        _ => "the connection broke off",
    };

    internal static string Seconds(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return seconds switch
        {
            <= 1 => "1 second",
            < 120 => $"{seconds} seconds",
            _ => $"{(int)Math.Ceiling(seconds / 60.0)} minutes",
        };
    }
}
