using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Core.LiveUpdates;

/// <summary>The receiver's counters in <c>/health</c>; refused deliveries never make the dashboard unhealthy.</summary>
internal sealed class LiveUpdatesHealthCheck(WebhookInbox inbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var c = inbox.Counters;
        var pending = await inbox.PendingAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["accepted"] = c.Accepted,
            ["duplicates"] = c.Duplicates,
            ["malformed"] = c.Malformed,
            ["oversized"] = c.Oversized,
            ["badSignatures"] = c.BadSignatures,
            ["busy"] = c.Busy,
            ["processed"] = c.Processed,
            ["failed"] = c.Failed,
            ["unknownNumbers"] = c.UnknownNumbers,
            ["pending"] = pending,
        };
        if (c.LastReceivedAt is { } last)
        {
            data["lastReceivedAt"] = last.ToString("O");
        }

        return HealthCheckResult.Healthy(
            c.LastReceivedAt is null ? "No webhook delivery received since start." : "Webhook deliveries are being received.", data);
    }
}
