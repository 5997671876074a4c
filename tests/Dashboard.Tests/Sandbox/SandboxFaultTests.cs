using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

public sealed class SandboxFaultTests : SandboxTestBase
{
    [Fact]
    public async Task Latency_delays_the_answer_but_not_its_content()
    {
        Sandbox.Faults.Add(FaultRule.Latency(TimeSpan.FromMilliseconds(400), times: 1));

        var stopwatch = Stopwatch.StartNew();
        var slow = await GetJsonAsync("/v1/numbers");
        var slowElapsed = stopwatch.Elapsed;

        Assert.Equal(40, slow.GetArrayLength());
        Assert.True(slowElapsed >= TimeSpan.FromMilliseconds(380), $"Answered after {slowElapsed}.");
        Assert.Empty(Sandbox.Faults.Rules);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_Retry_After_for_the_next_N_requests_only()
    {
        Sandbox.Faults.Add(FaultRule.RateLimit(retryAfterSeconds: 7, times: 2));

        using var first = await GetAsync("/v1/numbers");
        using var second = await GetAsync("/v1/api-keys");
        using var third = await GetAsync("/v1/numbers");

        await AssertErrorAsync(first, HttpStatusCode.TooManyRequests, null);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Rate_limit_can_hit_only_the_live_status_of_any_number_and_come_without_Retry_After()
    {
        var id = Sandbox.State.GetNumbers()[0].Id;
        Sandbox.Faults.Add(FaultRule.RateLimit(retryAfterSeconds: null, times: 2, pathSuffix: "/status"));

        using var list = await GetAsync("/v1/numbers");
        using var first = await GetAsync($"/v1/numbers/{id}/status");
        using var detail = await GetAsync($"/v1/numbers/{id}");
        using var second = await GetAsync($"/v1/numbers/{id}/status");
        using var third = await GetAsync($"/v1/numbers/{id}/status");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        await AssertErrorAsync(first, HttpStatusCode.TooManyRequests, null);
        Assert.Null(first.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Server_error_answers_500_with_an_error_body()
    {
        Sandbox.Faults.Add(FaultRule.ServerError(times: 1));

        using var failed = await GetAsync("/v1/numbers");
        using var next = await GetAsync("/v1/numbers");

        await AssertErrorAsync(failed, HttpStatusCode.InternalServerError, null);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Malformed_JSON_answers_200_with_a_body_that_does_not_parse()
    {
        Sandbox.Faults.Add(FaultRule.MalformedJson(times: 1));

        using var response = await GetAsync("/v1/numbers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Timeout_holds_the_request_until_the_client_gives_up_and_then_lets_go()
    {
        Sandbox.Faults.Add(FaultRule.Timeout(times: 1));
        using var impatient = new HttpClient { BaseAddress = Sandbox.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };
        impatient.DefaultRequestHeaders.Add("x-api-key", TenantKey);

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.GetAsync("v1/numbers"));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => Sandbox.Faults.HeldRequests == 0);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/v1/numbers")).StatusCode);
    }

    [Fact]
    public async Task Stopping_the_sandbox_releases_held_requests()
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Faults = [FaultRule.Timeout()] }, Clock);
        using var patient = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        patient.DefaultRequestHeaders.Add("x-api-key", sandbox.State.TenantApiKey);
        var held = patient.GetAsync("v1/numbers");
        await WaitUntilAsync(() => sandbox.Faults.HeldRequests == 1);

        var stopwatch = Stopwatch.StartNew();
        await sandbox.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {stopwatch.Elapsed}.");
        Assert.Equal(0, sandbox.Faults.HeldRequests);
        try
        {
            using var response = await held;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The connection may close before the 503 is written; either way the client is not left hanging.
        }
    }

    [Fact]
    public async Task A_timeout_that_outlasts_its_hold_answers_504()
    {
        Sandbox.Faults.Add(FaultRule.Timeout(holdSeconds: 1, times: 1));

        var stopwatch = Stopwatch.StartNew();
        using var response = await GetAsync("/v1/numbers");

        await AssertErrorAsync(response, HttpStatusCode.GatewayTimeout, null);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Faults_can_be_limited_to_a_path_prefix_and_a_method()
    {
        Sandbox.Faults.Add(FaultRule.ServerError(pathPrefix: "/v1/numbers", method: "GET"));

        using var list = await GetAsync("/v1/numbers");
        using var status = await GetAsync($"/v1/numbers/{OpenQrNumber().Id}/status");
        using var create = await SendAsync(HttpMethod.Post, "/v1/numbers", body: new { name = "Loja", number = "+5511911112222" });
        using var keys = await GetAsync("/v1/api-keys");

        Assert.Equal(HttpStatusCode.InternalServerError, list.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, status.StatusCode);
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.Single(Sandbox.Faults.Rules);
    }

    [Fact]
    public async Task Faults_are_set_read_and_cleared_over_HTTP()
    {
        using var put = await SendAsync(HttpMethod.Put, "/sandbox/faults", body: new
        {
            rules = new object[]
            {
                new { kind = "RateLimit", retryAfterSeconds = 3, remaining = 1 },
                new { kind = "Latency", latencyMs = 10, pathPrefix = "/v1/api-keys" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var limited = await GetAsync("/v1/numbers");
        var rules = (await GetJsonAsync("/sandbox/faults")).GetProperty("rules").EnumerateArray().ToList();
        using var clear = await SendAsync(HttpMethod.Delete, "/sandbox/faults");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var latency = Assert.Single(rules);
        Assert.Equal("Latency", latency.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, latency.GetProperty("remaining").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Empty(Sandbox.Faults.Rules);
    }

    [Theory]
    [InlineData("""{"rules":[{"kind":"Bogus"}]}""")]
    [InlineData("""{"rules":[{"kind":"Timeout","holdSeconds":500}]}""")]
    [InlineData("""{"rules":[{"kind":"RateLimit","remaining":0}]}""")]
    [InlineData("""{"nothing":true}""")]
    public async Task Invalid_fault_configurations_are_rejected(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "sandbox/faults") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", TenantKey);

        using var response = await Http.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Empty(Sandbox.Faults.Rules);
    }

    [Fact]
    public async Task Counted_faults_are_used_up_exactly_under_concurrency()
    {
        Sandbox.Faults.Add(FaultRule.RateLimit(times: 10));

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => GetAsync("/v1/api-keys")));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Empty(Sandbox.Faults.Rules);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Control_endpoints_are_never_faulted()
    {
        Sandbox.Faults.Add(FaultRule.ServerError());

        using var control = await GetAsync("/sandbox/faults");

        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 s.");
            await Task.Delay(50);
        }
    }
}

public sealed class SandboxInitialFaultTests : SandboxTestBase
{
    protected override void Configure(SandboxOptions options) =>
        options.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Remaining = 1, PathPrefix = "/v1/numbers" });

    [Fact]
    public async Task Faults_from_the_options_are_in_force_from_the_start()
    {
        using var first = await GetAsync("/v1/numbers");
        using var second = await GetAsync("/v1/numbers");

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }
}
