using System.Diagnostics;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using FaultRule = PilotStatus.Sandbox.FaultRule;

namespace Dashboard.Tests.Contract;

/// <summary>Every kind of failure, provoked at the sandbox and seen through the client as the operator will see it.</summary>
public sealed class FailureContractTests : ContractTestBase
{
    private const string StatusEndpoint = "GET /v1/numbers/{id}/status";

    [Fact]
    public async Task A_wrong_tenant_key_is_unauthorized_and_names_the_setting_to_fix()
    {
        var api = await StartAsync(tenantKey: "ps_wrong_tenant_key_5c1e0b");

        var list = (await api.Client.ListNumbersAsync()).Failure!;
        var history = (await api.Client.GetMessageHistoryAsync(api.OpenQrNumber().Id, new PageRequest())).Failure!;

        Assert.Equal(ApiFailureKind.Unauthorized, list.Kind);
        Assert.Contains("PilotStatus:TenantApiKey", list.Message);
        Assert.Equal(ApiFailureKind.Unauthorized, history.Kind);
        Assert.Contains("PilotStatus:TenantApiKey", history.Message);
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers")); // a 401 is not retried
        Assert.Equal(0, api.Requests.Get("GET /v1/api-keys")); // nor does it send the client hunting for number keys
    }

    [Fact]
    public async Task Another_tenants_number_is_not_found_on_every_endpoint()
    {
        var api = await StartAsync();
        var foreign = api.OtherTenantNumber().Id;

        var failures = new[]
        {
            (await api.Client.GetNumberAsync(foreign)).Failure,
            (await api.Client.GetLiveStatusAsync(foreign)).Failure,
            (await api.Client.ConnectNumberAsync(foreign)).Failure,
            (await api.Client.DeleteNumberAsync(foreign)).Failure,
            (await api.Client.GetMessageHistoryAsync(foreign, new PageRequest())).Failure,
        };

        Assert.All(failures, f => Assert.Equal(ApiFailureKind.NotFound, f!.Kind));
        Assert.Contains(foreign, failures[0]!.Message);
        Assert.NotNull(api.State.FindNumber(foreign)); // and the other tenant still has it
    }

    [Fact]
    public async Task A_429_with_a_wait_under_the_cap_is_waited_out_and_the_get_succeeds()
    {
        var api = await StartAsync(client: new() { ["RetryAfterCap"] = "00:00:05" });
        var open = api.OpenQrNumber();
        api.Faults.Add(FaultRule.RateLimit(retryAfterSeconds: 1, times: 1, pathPrefix: "/v1/numbers", method: "GET"));
        var watch = Stopwatch.StartNew();

        var result = await api.Client.GetLiveStatusAsync(open.Id);

        Assert.True(result.Value!.State.IsOpen);
        Assert.Equal(2, api.Requests.Get(StatusEndpoint));
        // It waited the server's Retry-After, not its own 10 ms backoff.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_429_with_a_wait_above_the_cap_fails_at_once_as_rate_limited_with_the_wait()
    {
        var api = await StartAsync(client: new() { ["RetryAfterCap"] = "00:00:05" });
        api.Faults.Add(FaultRule.RateLimit(retryAfterSeconds: 120));

        var failure = (await api.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Contains("2 minutes", failure.Message);
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers"));
        Assert.Equal(1, api.Requests.Total);
    }

    [Fact]
    public async Task A_500_on_a_get_is_retried_and_a_later_success_is_returned()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();
        api.Faults.Add(FaultRule.ServerError(times: 2));

        var result = await api.Client.GetLiveStatusAsync(open.Id);

        Assert.True(result.Value!.State.IsOpen);
        Assert.Equal(3, api.Requests.Get(StatusEndpoint));
    }

    [Fact]
    public async Task A_500_that_persists_is_unavailable_after_the_configured_retries()
    {
        var api = await StartAsync(client: new() { ["RetryAttempts"] = "2" });
        api.Faults.Add(FaultRule.ServerError());

        var failure = (await api.Client.GetLiveStatusAsync(api.OpenQrNumber().Id)).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Contains("HTTP 500", failure.Message);
        Assert.Equal(3, api.Requests.Get(StatusEndpoint)); // the first try and two retries
    }

    [Fact]
    public async Task A_request_the_sandbox_holds_times_out_as_unavailable()
    {
        var api = await StartAsync(client: new()
        {
            ["AttemptTimeout"] = "00:00:01",
            ["TotalTimeout"] = "00:00:05",
            ["RetryAttempts"] = "1",
        });
        Assert.True((await api.Client.ListNumbersAsync()).Succeeded); // warm: the attempts time out at the sandbox, not on the way
        api.Faults.Add(FaultRule.Timeout(pathPrefix: "/v1/numbers/"));

        var failure = (await api.Client.GetNumberAsync(api.OpenQrNumber().Id)).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Contains("did not answer", failure.Message);
        Assert.Equal(2, api.Requests.Get("GET /v1/numbers/{id}")); // a timed-out GET is retried too
    }

    [Fact]
    public async Task Malformed_JSON_is_a_malformed_response_and_not_retried()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();
        api.Faults.Add(FaultRule.MalformedJson(pathPrefix: "/v1/numbers"));

        var detail = (await api.Client.GetNumberAsync(open.Id)).Failure!;
        var list = (await api.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.MalformedResponse, detail.Kind);
        Assert.Equal(ApiFailureKind.MalformedResponse, list.Kind);
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers/{id}"));
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers"));
    }

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_and_then_fails_fast_without_calling()
    {
        var api = await StartAsync(client: new()
        {
            ["RetryAttempts"] = "1",
            ["BreakerMinimumThroughput"] = "4",
            ["BreakerFailureRatio"] = "0.5",
            ["BreakerBreakDuration"] = "00:01:00",
        });
        var open = api.OpenQrNumber();
        api.Faults.Add(FaultRule.ServerError());

        // Two calls of two attempts each: four failures reach the minimum throughput, all of them failed.
        Assert.Contains("HTTP 500", (await api.Client.GetLiveStatusAsync(open.Id)).Failure!.Message);
        Assert.Contains("HTTP 500", (await api.Client.GetLiveStatusAsync(open.Id)).Failure!.Message);
        Assert.Equal(4, api.Requests.Total);
        api.Faults.Clear(); // the sandbox has recovered, but the breaker does not know yet

        var paused = new[]
        {
            (await api.Client.GetLiveStatusAsync(open.Id)).Failure!,
            (await api.Client.ListNumbersAsync()).Failure!,
            (await api.Client.GetNumberAsync(open.Id)).Failure!,
        };

        Assert.All(paused, failure =>
        {
            Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
            Assert.Contains("paused", failure.Message);
            Assert.Equal(TimeSpan.FromMinutes(1), failure.RetryAfter);
        });
        Assert.Equal(4, api.Requests.Total); // nothing reached the sandbox while open
    }
}
