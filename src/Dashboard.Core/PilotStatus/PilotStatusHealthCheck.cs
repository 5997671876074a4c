using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.PilotStatus;

internal sealed class PilotStatusHealthCheck(ApiCallMonitor monitor, IOptions<PilotStatusOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["mode"] = options.Value.Mode.ToString() };
        if (options.Value.Mode == PilotStatusMode.Sandbox)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Sandbox: the simulated API runs in this process.", data));
        }

        var last = monitor.Last;
        if (last is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No call to the Pilot Status API has been made yet.", data));
        }

        data["lastCallAt"] = last.At.ToString("O");
        return Task.FromResult(last.Succeeded
            ? HealthCheckResult.Healthy("The last Pilot Status API call succeeded.", data)
            : HealthCheckResult.Degraded($"The last Pilot Status API call failed: {last.FailureReason}", data: data));
    }
}
