using Dashboard.Core.PilotStatus.Api;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
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

        services.AddRefitGeneratedClient<IPilotStatusApi>(_ => RefitSettings(), HttpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                // Read when each client is made, so a sandbox that picks its port at start-up is found.
                http.BaseAddress = provider.GetRequiredService<IPilotStatusEndpoint>().BaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns every timeout.
            })
            .RemoveAllLoggers()
            .AddLogger<PilotStatusHttpLogger>()
            .AddHttpMessageHandler<ApiKeyHandler>()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
                ConfigureResilience(resilience, provider.GetRequiredService<IOptions<PilotStatusClientOptions>>().Value, provider.GetRequiredService<TimeProvider>()));

        // Transient like the Refit client under it: a fresh HttpClient per use keeps DNS changes and the endpoint current.
        services.TryAddTransient<IPilotStatusClient, PilotStatusClient>();
        return services;
    }

    private static RefitSettings RefitSettings() => new(new SystemTextJsonContentSerializer(PilotStatusJson.Options))
    {
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
        retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
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

    private static bool WaitsLongerThan(HttpResponseMessage? response, TimeSpan cap, TimeProvider clock)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait > cap;
    }
}
