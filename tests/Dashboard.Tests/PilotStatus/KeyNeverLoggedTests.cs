using System.Net;
using System.Net.Sockets;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>
/// Every log line written during calls, at Trace level and on failures too, is free of any key: message text and the
/// structured state a JSON or OpenTelemetry sink would write.
/// </summary>
public class KeyNeverLoggedTests
{
    private const string NumberKey = "ps_number_SECRET_9d3e55";

    [Fact]
    public async Task No_log_line_carries_the_tenant_or_a_number_key()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 1);
        var call = 0;
        harness.Api.Respond(request =>
        {
            var key = request.Headers.GetValues("x-api-key").Single();
            return request.RequestUri!.AbsolutePath switch
            {
                "/v1/api-keys" => Json(HttpStatusCode.OK, $$"""[ { "numberId": "n1", "key": "{{NumberKey}}", "revealable": true } ]"""),
                "/v1/messages/history" when key == ClientHarness.TenantKey => Error(HttpStatusCode.Forbidden, "TENANT_SCOPE_NOT_ALLOWED"),
                "/v1/messages/history" => Error(HttpStatusCode.Unauthorized),
                "/v1/numbers/n1/status" => Interlocked.Increment(ref call) == 1
                    ? Error(HttpStatusCode.ServiceUnavailable)
                    : throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
                "/v1/numbers/n1" => Json(HttpStatusCode.OK, "{ broken"),
                _ => Json(HttpStatusCode.OK, """[ { "id": "n1", "apiKeys": [ { "name": "Default", "keyPrefix": "ps_tena", "keyLast4": "7e2b" } ] } ]"""),
            };
        });

        var results = new List<ApiFailure?>
        {
            (await harness.Client.ListNumbersAsync()).Failure,
            (await harness.Client.GetMessageHistoryAsync("n1", new PageRequest())).Failure,
            (await harness.Client.GetLiveStatusAsync("n1")).Failure,
            (await harness.Client.GetNumberAsync("n1")).Failure,
            (await harness.Client.CreateNumberAsync(new("X", "+5511999999999"))).Failure,
        };

        var logs = harness.Logs.Lines;
        Assert.Contains(logs, line => line.Contains("Pilot Status GET /v1/messages/history answered 403")); // requests were logged
        Assert.Contains(logs, line => line.Contains("HttpRequestException")); // and so were failures
        Assert.Contains(harness.Api.Requests, r => r.ApiKey == NumberKey); // the number key really was in play
        Assert.All(logs, line =>
        {
            Assert.DoesNotContain(ClientHarness.TenantKey, line);
            Assert.DoesNotContain(NumberKey, line);
        });
        Assert.All(results.OfType<ApiFailure>(), failure =>
        {
            Assert.DoesNotContain(ClientHarness.TenantKey, failure.ToString());
            Assert.DoesNotContain(NumberKey, failure.ToString());
        });
    }

    [Fact]
    public async Task Over_real_http_the_key_reaches_the_server_but_no_log_line()
    {
        await using var server = await LoopbackServer.StartAsync(
            """[ { "id": "n1", "number": "5511999999999", "state": "OPEN", "isFullyConnected": true } ]""");
        await using var harness = new ClientHarness(baseAddress: server.BaseAddress, fakeSocket: false);

        var result = await harness.Client.ListNumbersAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(ClientHarness.TenantKey, server.LastApiKey);
        Assert.Equal("/v1/numbers", server.LastPath);
        Assert.All(harness.Logs.Lines, line => Assert.DoesNotContain(ClientHarness.TenantKey, line));
    }

    [Fact]
    public async Task Over_real_http_a_closed_port_is_unavailable_and_logs_no_key()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop(); // nothing listens there now

        await using var harness = new ClientHarness(o => o.RetryAttempts = 1, baseAddress: new Uri($"http://127.0.0.1:{port}/"), fakeSocket: false);

        var failure = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.StartsWith($"Could not reach Pilot Status at http://127.0.0.1:{port} (", failure.Message);
        Assert.All(harness.Logs.Lines, line => Assert.DoesNotContain(ClientHarness.TenantKey, line));
    }
}
