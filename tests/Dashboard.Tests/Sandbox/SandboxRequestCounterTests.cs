using System.Net;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

public sealed class SandboxRequestCounterTests : SandboxTestBase
{
    [Fact]
    public async Task Requests_are_counted_per_endpoint_pattern_including_refused_and_faulted_ones()
    {
        var a = OpenQrNumber().Id;
        var b = ClosedQrNumber().Id;
        Sandbox.Faults.Add(FaultRule.ServerError(times: 1, pathPrefix: "/v1/api-keys"));

        (await GetAsync($"/v1/numbers/{a}/status")).Dispose();
        (await GetAsync($"/v1/numbers/{b}/status")).Dispose();
        (await GetAsync($"/v1/numbers/{b}/status", key: null)).Dispose();
        (await GetAsync("/v1/numbers")).Dispose();
        (await GetAsync("/v1/api-keys")).Dispose();
        (await GetAsync("/sandbox/faults")).Dispose();

        Assert.Equal(3, Sandbox.Requests.Get("GET /v1/numbers/{id}/status"));
        Assert.Equal(1, Sandbox.Requests.Get("GET /v1/numbers"));
        Assert.Equal(1, Sandbox.Requests.Get("GET /v1/api-keys"));
        Assert.Equal(5, Sandbox.Requests.Total);

        var overHttp = await GetJsonAsync("/sandbox/requests");
        Assert.Equal(3, overHttp.GetProperty("GET /v1/numbers/{id}/status").GetInt64());
        Assert.Equal(3, overHttp.EnumerateObject().Count());
    }

    [Fact]
    public async Task Delete_resets_the_counts()
    {
        (await GetAsync("/v1/numbers")).Dispose();

        using var reset = await SendAsync(HttpMethod.Delete, "/sandbox/requests");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, Sandbox.Requests.Total);
        Assert.Empty((await GetJsonAsync("/sandbox/requests")).EnumerateObject());
    }

    [Fact]
    public async Task Concurrent_requests_are_all_counted()
    {
        var id = OpenQrNumber().Id;

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => GetAsync($"/v1/numbers/{id}/status")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(64, Sandbox.Requests.Get("GET /v1/numbers/{id}/status"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
