using System.Net;
using System.Text.Json;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>What goes over the wire for each call, through the real registration and handler pipeline.</summary>
public class ClientRequestTests
{
    [Fact]
    public async Task Lists_numbers_with_the_tenant_key()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, """[ { "id": "n1", "number": "5511999999999", "state": "OPEN" } ]"""));

        var result = await harness.Client.ListNumbersAsync();

        Assert.True(result.Succeeded);
        Assert.Equal("+5511999999999", Assert.Single(result.Value.Numbers).Phone);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal((HttpMethod.Get, "/v1/numbers", ClientHarness.TenantKey, null), (request.Method, request.PathAndQuery, request.ApiKey, request.NumberId));
    }

    [Fact]
    public async Task Gets_a_number_with_refresh_only_when_asked_and_escapes_the_id()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, """{ "id": "wa/1", "provider": "META", "meta": null }"""));

        await harness.Client.GetNumberAsync("wa/1");
        var refreshed = await harness.Client.GetNumberAsync("wa/1", refreshFromMeta: true);

        Assert.True(refreshed.Succeeded);
        Assert.Equal(["/v1/numbers/wa%2F1", "/v1/numbers/wa%2F1?refresh=1"], harness.Api.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Creates_a_number_with_a_normalised_phone_and_no_key_link()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.Created, """{ "instance": { "id": "wa_new", "state": "CONNECTING" }, "qrcodeBase64": "data:image/png;base64,AAA", "pairingCode": "ABCD-1234", "linkedApiKeyId": null }"""));

        var result = await harness.Client.CreateNumberAsync(new NewNumber(" Suporte ", "+55 (11) 99999-9999"));

        Assert.Equal("wa_new", result.Value!.Id);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal((HttpMethod.Post, "/v1/numbers"), (request.Method, request.PathAndQuery));
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("Suporte", body.GetProperty("name").GetString());
        Assert.Equal("+5511999999999", body.GetProperty("number").GetString());
        Assert.False(body.GetProperty("linkToApiKey").GetBoolean());
    }

    [Theory]
    [InlineData("", "+5511999999999")]
    [InlineData("Suporte", "12345")]
    [InlineData("Suporte", "not a phone")]
    public async Task Refuses_an_invalid_new_number_without_calling_the_api(string name, string phone)
    {
        await using var harness = new ClientHarness();

        var result = await harness.Client.CreateNumberAsync(new NewNumber(name, phone));

        Assert.Equal(ApiFailureKind.InvalidRequest, result.Failure!.Kind);
        Assert.Contains("+5511999999999", result.Failure.Message);
        Assert.Empty(harness.Api.Requests);
    }

    [Fact]
    public async Task Connect_status_and_delete_use_their_routes()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.RequestUri!.AbsolutePath switch
        {
            "/v1/numbers/n1/connect" => Json(HttpStatusCode.OK, """{ "qrcodeBase64": "data:image/png;base64,AAA", "pairingCode": "ABCD-1234" }"""),
            "/v1/numbers/n1/status" => Json(HttpStatusCode.OK, """{ "id": "n1", "state": "CONNECTING" }"""),
            _ => Json(HttpStatusCode.OK, """{ "ok": true }"""),
        });

        var code = await harness.Client.ConnectNumberAsync("n1");
        var status = await harness.Client.GetLiveStatusAsync("n1");
        var removed = await harness.Client.DeleteNumberAsync("n1");

        Assert.Equal("ABCD-1234", code.Value!.PairingCode);
        Assert.True(status.Value!.State.IsConnecting);
        Assert.False(status.Value.Ready);
        Assert.Equal(new NumberRemoved("n1"), removed.Value);
        Assert.Equal(
            [(HttpMethod.Get, "/v1/numbers/n1/connect"), (HttpMethod.Get, "/v1/numbers/n1/status"), (HttpMethod.Delete, "/v1/numbers/n1")],
            harness.Api.Requests.Select(r => (r.Method, r.PathAndQuery)));
    }

    [Fact]
    public async Task Creates_a_remote_pairing_link()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.Created, """{ "provider": "PILOT_STATUS", "remotePairingToken": "rp_1", "remotePairingUrl": "https://pilotstatus.com.br/connect/rp_1", "numberId": "num_1" }"""));

        var link = await harness.Client.CreateRemotePairingLinkAsync(new RemotePairingRequest("Cliente", "5511988887777", SendViaWhatsApp: true));

        Assert.Equal(("rp_1", "num_1"), (link.Value!.Token, link.Value.NumberId));
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal("/v1/numbers/remote-pairing", request.PathAndQuery);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("PILOT_STATUS", body.GetProperty("provider").GetString());
        Assert.Equal("+5511988887777", body.GetProperty("number").GetString());
        Assert.True(body.GetProperty("sendViaWhatsApp").GetBoolean());
        Assert.False(body.GetProperty("linkToApiKey").GetBoolean());
    }

    [Fact]
    public async Task Per_number_reads_send_the_tenant_key_with_the_number_header()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.RequestUri!.AbsolutePath switch
        {
            "/v1/messages/history" => Json(HttpStatusCode.OK, """{ "messages": [], "total": 0, "page": 2, "pageSize": 50, "totalPages": 0 }"""),
            "/v1/conversations" => Json(HttpStatusCode.OK, """{ "conversations": [], "total": 0, "page": 1, "pageSize": 30, "totalPages": 0 }"""),
            _ => Json(HttpStatusCode.OK, """{ "totalSent": 1, "totalFailed": 0, "failureRate": 0, "dailyMessages": [], "statusDistribution": {} }"""),
        });
        var from = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(-3));

        var history = await harness.Client.GetMessageHistoryAsync("n1", new PageRequest(Page: 2, PageSize: 50, From: from));
        var conversations = await harness.Client.GetConversationsAsync("n1", new PageRequest(PageSize: 500));
        var analytics = await harness.Client.GetAnalyticsAsync("n1", AnalyticsPeriod.SevenDays, "America/Sao_Paulo");

        Assert.True(history.Succeeded && conversations.Succeeded && analytics.Succeeded);
        Assert.All(harness.Api.Requests, r => Assert.Equal(("n1", ClientHarness.TenantKey), (r.NumberId, r.ApiKey)));
        Assert.Equal(
            [
                "/v1/messages/history?startDate=2026-06-01T03%3A00%3A00.000Z&page=2&pageSize=50",
                "/v1/conversations?page=1&pageSize=100",
                "/v1/analytics/dashboard?period=7d&tz=America%2FSao_Paulo",
            ],
            harness.Api.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Records_each_outcome_for_the_health_endpoint()
    {
        await using var harness = new ClientHarness();
        var monitor = harness.Get<ApiCallMonitor>();
        harness.Api.RespondInOrder(() => Error(HttpStatusCode.NotFound), () => Error(HttpStatusCode.Unauthorized));

        await harness.Client.GetLiveStatusAsync("gone");
        Assert.True(monitor.Last!.Succeeded); // A 404 is the API working.

        await harness.Client.GetLiveStatusAsync("n1");
        Assert.False(monitor.Last!.Succeeded);
        Assert.Contains("PilotStatus:TenantApiKey", monitor.Last.FailureReason);
    }
}
