using Dashboard.Core.PilotStatus.Api;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using System.Reflection;
using Refit;

namespace Dashboard.Core.PilotStatus;

public static class PilotStatusRegistration
{
    internal const string HttpClientName = "PilotStatus";

    /// <summary>
    /// <see cref="IPilotStatusClient"/> and its HTTP pipeline: key handler, then the standard resilience handler.
    /// Register an <see cref="IPilotStatusEndpoint"/> before this call to point the client elsewhere (the sandbox does).
    /// </summary>
    public static IServiceCollection AddPilotStatusClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiCallMonitor>();
        services.AddOptions<PilotStatusOptions>();
        services.AddOptions<PilotStatusClientOptions>().BindConfiguration(PilotStatusClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IPilotStatusEndpoint, ConfiguredPilotStatusEndpoint>();

        services.TryAddSingleton<NumberListCache>();
        services.TryAddSingleton<NumberKeyStore>();
        services.TryAddSingleton<FailureTranslator>();
        services.TryAddTransient<ApiKeyHandler>();
        services.TryAddSingleton<PilotStatusHttpLogger>();
        services.TryAddTransient<FirstAnswerHandler>();
        services.TryAddTransient<FirstAnswerHandler.Recorder>();
        services.ConfigureResilienceTelemetry();

        var client = services.AddRefitGeneratedClient<IPilotStatusApi>(_ => RefitSettings(), HttpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                // Read when each client is made, so a sandbox that picks its port at start-up is found.
                http.BaseAddress = provider.GetRequiredService<IPilotStatusEndpoint>().BaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns every timeout.
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .RemoveAllLoggers()
            .AddLogger<PilotStatusHttpLogger>()
            .AddHttpMessageHandler<ApiKeyHandler>()
            .AddHttpMessageHandler<FirstAnswerHandler>();
        client.AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
                ConfigureResilience(resilience, provider.GetRequiredService<IOptions<PilotStatusClientOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        // Inside the pipeline: sees every attempt, so a call cut short by the breaker can still report its own answer.
        client.AddHttpMessageHandler<FirstAnswerHandler.Recorder>();

        // Transient like the Refit client under it: a fresh HttpClient per use keeps DNS changes and the endpoint current.
        services.TryAddTransient<IPilotStatusClient, PilotStatusClient>();
        return services;
    }

    /// <summary>How the dashboard names itself to Pilot Status, e.g. <c>PilotStatusFleetDashboard/1.4.0</c>.</summary>
    public static string UserAgent { get; } = $"PilotStatusFleetDashboard/{ProductVersion()}";

    private static string ProductVersion()
    {
        var assembly = typeof(PilotStatusRegistration).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return string.IsNullOrWhiteSpace(version) ? "0.0.0" : version;
    }

    private static RefitSettings RefitSettings() => new(new SystemTextJsonContentSerializer(PilotStatusJson.Options))
    {
        // Bodies are serialised before sending, so they go with a Content-Length: some gateways refuse chunked POSTs.
        Buffered = true,
        // Refit keeps the request (and so the x-api-key header) on its exceptions; strip it in case one is ever logged.
        ExceptionRedactor = exception => exception.RequestMessage?.Headers.Remove(PilotStatusHeaders.ApiKey),
        // An error body is a short JSON object; a proxy's huge HTML page need not be read whole.
        MaxExceptionContentLength = 16 * 1024,
    };

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, PilotStatusClientOptions figures, TimeProvider clock)
    {
        resilience.AttemptTimeout.Timeout = figures.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = figures.TotalTimeout;

        var retry = resilience.Retry;
        retry.MaxRetryAttempts = figures.RetryAttempts;
        retry.Delay = figures.RetryBaseDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.ShouldRetryAfterHeader = true;
        // Set after ShouldRetryAfterHeader, which installs its own: Retry-After when sent, else a 429 waits long enough
        // to relieve a limiting server (2 s, then 4 s) and anything else takes the exponential backoff above.
        retry.DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome.Result, args.AttemptNumber, figures, clock));
        retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !IsConnect(args.Context.GetRequestMessage())
            && !WaitsLongerThan(args.Outcome.Result, figures.RetryAfterCap, clock));
        // After ShouldHandle, which it wraps: a POST that creates a number must never be sent twice, nor a DELETE.
        retry.DisableForUnsafeHttpMethods();

        var breaker = resilience.CircuitBreaker;
        breaker.FailureRatio = figures.BreakerFailureRatio;
        breaker.MinimumThroughput = figures.BreakerMinimumThroughput;
        breaker.SamplingDuration = figures.BreakerSamplingDuration;
        breaker.BreakDuration = figures.BreakerBreakDuration;
        // A 429 is the service protecting itself, not failing; it gets its own answer (RateLimited with the wait).
        breaker.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests);
    }

    // GET /v1/numbers/{id}/connect issues a new code that supersedes the last one: not harmless to repeat, so like a
    // POST it is sent once and the connect wizard decides what to do next.
    internal static bool IsConnect(HttpRequestMessage? request) =>
        request?.RequestUri is { } uri
        && (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]) is var path
        && path.StartsWith("/v1/numbers/", StringComparison.Ordinal)
        && path.EndsWith("/connect", StringComparison.Ordinal);

    private static TimeSpan? RetryDelay(HttpResponseMessage? response, int attempt, PilotStatusClientOptions figures, TimeProvider clock)
    {
        if (response?.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : null);
            return wait is { } w && w > TimeSpan.Zero ? w : TimeSpan.Zero;
        }

        return response?.StatusCode == System.Net.HttpStatusCode.TooManyRequests
            ? figures.RateLimitedRetryDelay * Math.Pow(2, attempt)
            : null;
    }

    private static bool WaitsLongerThan(HttpResponseMessage? response, TimeSpan cap, TimeProvider clock)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait > cap;
    }
}
