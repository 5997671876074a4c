using Microsoft.Extensions.DependencyInjection;
using Polly.Telemetry;

namespace Dashboard.Core.PilotStatus.Api;

internal static class ResilienceTelemetry
{
    /// <summary>
    /// A timed-out, refused or rate-limited call to Pilot Status is handled: the operator gets a message and can try
    /// again. Polly logs such events at Error by default; for this client they are Warnings, so Error stays for bugs.
    /// </summary>
    public static IServiceCollection ConfigureResilienceTelemetry(this IServiceCollection services) =>
        services.Configure<TelemetryOptions>(options =>
        {
            var previous = options.SeverityProvider;
            options.SeverityProvider = args =>
            {
                var severity = previous?.Invoke(args) ?? args.Event.Severity;
                return severity is ResilienceEventSeverity.Error or ResilienceEventSeverity.Critical
                    && args.Source.PipelineName?.StartsWith(PilotStatusRegistration.HttpClientName, StringComparison.Ordinal) == true
                    ? ResilienceEventSeverity.Warning
                    : severity;
            };
        });
}
