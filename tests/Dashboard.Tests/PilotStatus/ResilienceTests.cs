using System.Diagnostics;
using System.Net;
using Dashboard.Core.PilotStatus;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

public class ResilienceTests
{
    [Fact]
    public async Task A_get_is_retried_on_503_until_it_succeeds()
    {
        await using var harness = new ClientHarness();
        harness.Api.RespondInOrder(
            () => Error(HttpStatusCode.ServiceUnavailable, "EVOLUTION_API_KEY_MISSING"),
            () => Error(HttpStatusCode.ServiceUnavailable),
            () => Json(HttpStatusCode.OK, """{ "state": "OPEN", "isFullyConnected": true }"""));

        var result = await harness.Client.GetLiveStatusAsync("n1");

        Assert.True(result.Value!.Ready);
        Assert.Equal(3, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task A_get_gives_up_after_the_configured_retries()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 2);
        harness.Api.Respond(_ => Error(HttpStatusCode.ServiceUnavailable));

        var result = await harness.Client.GetLiveStatusAsync("n1");

        Assert.Equal(ApiFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal(3, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task Creating_a_number_is_sent_once_whatever_the_failure()
    {
        await using var harness = new ClientHarness();
        harness.Api.RespondInOrder(
            () => Error(HttpStatusCode.ServiceUnavailable),
            () => RateLimited(TimeSpan.FromSeconds(1)),
            () => Error(HttpStatusCode.GatewayTimeout));

        var first = await harness.Client.CreateNumberAsync(new("Suporte", "+5511999999999"));
        var second = await harness.Client.CreateNumberAsync(new("Suporte", "+5511999999999"));
        var third = await harness.Client.CreateNumberAsync(new("Suporte", "+5511999999999"));

        Assert.Equal([ApiFailureKind.Unavailable, ApiFailureKind.RateLimited, ApiFailureKind.Unavailable], [first.Failure!.Kind, second.Failure!.Kind, third.Failure!.Kind]);
        Assert.Equal(3, harness.Api.Count("/v1/numbers")); // one request per call
        Assert.Equal(TimeSpan.FromSeconds(1), second.Failure.RetryAfter);
    }

    [Fact]
    public async Task Remote_pairing_and_delete_are_never_retried()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.ServiceUnavailable));

        await harness.Client.CreateRemotePairingLinkAsync(new("Cliente", "+5511988887777"));
        await harness.Client.DeleteNumberAsync("n1");

        Assert.Equal(1, harness.Api.Count("/v1/numbers/remote-pairing"));
        Assert.Equal(1, harness.Api.Count("/v1/numbers/n1"));
    }

    [Fact]
    public async Task A_network_error_on_create_is_not_retried_either()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError)));

        var result = await harness.Client.CreateNumberAsync(new("Suporte", "+5511999999999"));

        Assert.Equal(ApiFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Single(harness.Api.Requests);
    }

    [Fact]
    public async Task Retry_after_under_the_cap_is_waited_out_and_the_get_retried()
    {
        await using var harness = new ClientHarness(o => o.RetryAfterCap = TimeSpan.FromSeconds(5));
        harness.Api.RespondInOrder(
            () => RateLimited(TimeSpan.FromSeconds(1)),
            () => Json(HttpStatusCode.OK, """{ "state": "CLOSE" }"""));
        var watch = Stopwatch.StartNew();

        var result = await harness.Client.GetLiveStatusAsync("n1");

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Api.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task Retry_after_above_the_cap_fails_fast_with_the_wait()
    {
        await using var harness = new ClientHarness(o => o.RetryAfterCap = TimeSpan.FromSeconds(5));
        harness.Api.Respond(_ => RateLimited(TimeSpan.FromSeconds(120)));
        var watch = Stopwatch.StartNew();

        var failure = (await harness.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Equal("Pilot Status is limiting requests (HTTP 429). Try again in 2 minutes.", failure.Message);
        Assert.Single(harness.Api.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Retry_after_as_a_date_counts_too()
    {
        await using var harness = new ClientHarness(o => o.RetryAfterCap = TimeSpan.FromSeconds(5));
        harness.Api.Respond(_ =>
        {
            var response = Error(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(10));
            return response;
        });

        var failure = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;

        Assert.Equal(ApiFailureKind.RateLimited, failure.Kind);
        Assert.InRange(failure.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Single(harness.Api.Requests);
    }

    [Fact]
    public async Task A_429_without_retry_after_says_to_wait_a_minute()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 1);
        harness.Api.Respond(_ => Error(HttpStatusCode.TooManyRequests));

        var failure = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;

        Assert.Equal((ApiFailureKind.RateLimited, null), (failure.Kind, failure.RetryAfter));
        Assert.Equal("Pilot Status is limiting requests (HTTP 429). Wait a minute and try again.", failure.Message);
    }

    [Fact]
    public async Task The_circuit_breaker_trips_at_dashboard_traffic_and_stops_calling()
    {
        await using var harness = new ClientHarness(o =>
        {
            o.RetryAttempts = 2;
            o.BreakerMinimumThroughput = 5;
            o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        harness.Api.Respond(_ => Error(HttpStatusCode.InternalServerError));

        // Two calls of up to three attempts each: the fifth failed attempt within the window opens the circuit.
        await harness.Client.GetLiveStatusAsync("n1");
        await harness.Client.GetLiveStatusAsync("n1");
        var afterwards = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;
        var again = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;

        Assert.Equal(5, harness.Api.Requests.Count); // nothing left the process once the circuit opened
        Assert.All([afterwards, again], failure =>
        {
            Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
            Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
            Assert.Equal(
                "Calls to Pilot Status are paused for about 30 seconds after repeated failures, to give it time to recover. Try again shortly.",
                failure.Message);
        });
    }

    [Fact]
    public async Task Rate_limiting_does_not_trip_the_circuit_breaker()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 1);
        harness.Api.Respond(_ => RateLimited(TimeSpan.FromSeconds(60)));

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(ApiFailureKind.RateLimited, (await harness.Client.GetLiveStatusAsync("n1")).Failure!.Kind);
        }

        Assert.Equal(8, harness.Api.Requests.Count);
    }
}
