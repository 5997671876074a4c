using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.Extensions.Logging;
using FaultRule = PilotStatus.Sandbox.FaultRule;

namespace Dashboard.Tests.Contract;

/// <summary>
/// Every contract test checks after it runs that no key reached a log line (<see cref="ContractTestBase"/>). This test
/// shows that check has teeth: the capture really sees both hosts at Trace level, with every path that could carry a
/// key in play: the tenant key, numbers' own keys, a rejected key, retries, timeouts and the open breaker.
/// </summary>
public sealed class KeyNeverLoggedContractTests : ContractTestBase
{
    [Fact]
    public async Task A_tour_of_every_endpoint_and_failure_writes_plenty_of_log_lines_and_no_key()
    {
        var api = await StartAsync(client: new()
        {
            ["AttemptTimeout"] = "00:00:01",
            ["TotalTimeout"] = "00:00:05",
            ["BreakerMinimumThroughput"] = "20",
        });
        var open = api.OpenQrNumber();
        var closed = api.ClosedQrNumber();
        var meta = api.HealthyMetaNumber();
        var client = api.Client;

        await client.ListNumbersAsync();
        await client.GetNumberAsync(meta.Id, refreshFromMeta: true);
        await client.GetLiveStatusAsync(open.Id);
        await client.ConnectNumberAsync(closed.Id);
        await client.ConnectNumberAsync(open.Id);
        var created = (await client.CreateNumberAsync(new NewNumber("Loja Nova", "+5511987654321"))).Value!;
        await client.DeleteNumberAsync(created.Id);
        await client.CreateRemotePairingLinkAsync(new RemotePairingRequest("Cliente João", "+5511912345678", SendViaWhatsApp: true));
        await client.GetMessageHistoryAsync(open.Id, new PageRequest());
        await client.GetConversationsAsync(open.Id, new PageRequest());
        await client.GetAnalyticsAsync(open.Id, AnalyticsPeriod.SevenDays, "America/Sao_Paulo");

        api.State.RefuseTenantKeyOnPerNumberEndpoints = true; // numbers' own keys go on the wire from here
        var viaNumberKey = await client.GetMessageHistoryAsync(open.Id, new PageRequest());
        await client.GetMessageHistoryAsync(api.LegacyKeyNumber().Id, new PageRequest());

        api.Faults.Add(FaultRule.ServerError(times: 3, pathPrefix: "/v1/numbers", method: "GET"));
        await client.GetLiveStatusAsync(open.Id);
        api.Faults.Add(FaultRule.Timeout(times: 1, pathPrefix: "/v1/numbers", method: "POST"));
        await client.CreateNumberAsync(new NewNumber("Loja Lenta", "+5511911112222"));
        api.Faults.Add(FaultRule.RateLimit(retryAfterSeconds: 120, times: 1));
        await client.ListNumbersAsync();
        api.Faults.Add(FaultRule.MalformedJson(times: 1, pathPrefix: "/v1/messages"));
        await client.GetMessageHistoryAsync(open.Id, new PageRequest());

        var logs = api.Logs.Lines;
        Assert.True(viaNumberKey.Succeeded, viaNumberKey.Failure?.Message);
        Assert.True(api.Requests.Get("GET /v1/api-keys") >= 1);
        Assert.Contains(logs, line => line.Contains("Pilot Status GET /v1/messages/history answered 403")); // the refused tenant key
        Assert.Contains(logs, line => line.Contains("Pilot Status GET /v1/api-keys answered 200")); // the number keys' list
        Assert.Contains(logs, line => line.Contains("Pilot Status POST /v1/numbers failed with")); // the timed-out create
        Assert.Contains(logs, line => line.StartsWith(nameof(LogLevel.Trace), StringComparison.Ordinal)); // Trace really is on
        Assert.Contains(logs, line => line.Contains("Microsoft.AspNetCore")); // and the sandbox's own logging is captured
        Assert.All(logs, line => Assert.All(api.Secrets(), secret => Assert.DoesNotContain(secret, line)));
    }

    [Fact]
    public async Task A_rejected_key_is_not_logged_either()
    {
        const string WrongKey = "ps_wrong_tenant_key_5c1e0b";
        var api = await StartAsync(tenantKey: WrongKey);

        var failure = (await api.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.Unauthorized, failure.Kind);
        Assert.DoesNotContain(WrongKey, failure.Message);
        Assert.Contains(api.Logs.Lines, line => line.Contains("Pilot Status GET /v1/numbers answered 401"));
        Assert.All(api.Logs.Lines, line => Assert.DoesNotContain(WrongKey, line));
    }
}
