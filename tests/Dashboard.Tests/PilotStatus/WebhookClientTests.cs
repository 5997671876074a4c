using System.Net;
using System.Text.Json;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Webhooks;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>Webhooks of a number through the real client pipeline: routes, bodies, the documented shapes and the failures.</summary>
public class WebhookClientTests
{
    // The contract's list example (pt-BR playground), verbatim.
    private const string ListExample = """
        [
          {
            "id": "wh_01HZX...",
            "tenantId": "tenant_01HZX...",
            "name": "n8n",
            "url": "https://hooks.acme.com/whatsapp",
            "environment": "LIVE",
            "active": true,
            "events": ["message.received", "message.delivered"],
            "apiKeys": [ { "id": "key_01HZX...", "name": "Default" } ],
            "lastTriggered": "2026-06-28T09:59:00.000Z",
            "whatsappNumberIds": ["num_01HZX..."],
            "whatsappInstanceIds": [],
            "createdAt": "2026-06-01T11:59:00.000Z",
            "updatedAt": "2026-06-01T12:00:00.000Z"
          }
        ]
        """;

    // The contract's PATCH example response: no whatsappNumberIds, no lastTriggered.
    private const string PatchExample = """
        {
          "id": "wh_01HZX...",
          "tenantId": "tenant_01HZX...",
          "name": "n8n",
          "url": "https://hooks.acme.com/whatsapp",
          "environment": "LIVE",
          "active": false,
          "events": ["message.received", "message.delivered"],
          "createdAt": "2026-06-01T11:59:00.000Z",
          "updatedAt": "2026-07-03T12:05:00.000Z"
        }
        """;

    [Fact]
    public async Task Lists_a_numbers_webhooks_with_the_tenant_key_and_the_number_header()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, ListExample));

        var result = await harness.Client.ListWebhooksAsync("num_01HZX...");

        var webhook = Assert.Single(result.Value!);
        Assert.Equal(
            new Webhook("wh_01HZX...", "n8n", "https://hooks.acme.com/whatsapp", true, webhook.Events, "LIVE", webhook.NumberIds,
                new DateTimeOffset(2026, 6, 28, 9, 59, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 11, 59, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)),
            webhook);
        Assert.Equal(["message.received", "message.delivered"], webhook.Events);
        Assert.Equal(["num_01HZX..."], webhook.NumberIds);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal((HttpMethod.Get, "/v1/webhooks", ClientHarness.TenantKey, "num_01HZX..."), (request.Method, request.PathAndQuery, request.ApiKey, request.NumberId));
    }

    [Fact]
    public async Task Creates_a_webhook_naming_its_number_in_body_and_header()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.Created, ListExample.Trim().TrimStart('[').TrimEnd(']')));

        var result = await harness.Client.CreateWebhookAsync("n1", new NewWebhook(" n8n ", " https://hooks.acme.com/whatsapp ", ["message.sent", "message.sent", "*"]));

        Assert.Equal("wh_01HZX...", result.Value!.Id);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal((HttpMethod.Post, "/v1/webhooks", "n1"), (request.Method, request.PathAndQuery, request.NumberId));
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("n8n", body.GetProperty("name").GetString());
        Assert.Equal("https://hooks.acme.com/whatsapp", body.GetProperty("url").GetString());
        Assert.Equal(["message.sent", "*"], body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("n1", body.GetProperty("whatsappNumberId").GetString());
    }

    [Fact]
    public async Task A_create_answer_that_nests_the_webhook_is_read_too()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.Created, """{ "webhook": { "id": "wh_9", "url": "https://x.test/in", "events": [] } }"""));

        var created = (await harness.Client.CreateWebhookAsync("n1", new NewWebhook("x", "https://x.test/in", []))).Value!;

        Assert.Equal(("wh_9", true), (created.Id, created.Active));
        Assert.Equal(["n1"], created.NumberIds);
        Assert.True(created.DeliversNothing);
    }

    [Theory]
    [InlineData("", "https://hooks.acme.com/in", "*", "Enter a name for the webhook")]
    [InlineData("n8n", "hooks.acme.com/in", "*", "Enter the webhook's address as a full URL")]
    [InlineData("n8n", "ftp://hooks.acme.com/in", "*", "Enter the webhook's address as a full URL")]
    [InlineData("n8n", "https://hooks.acme.com/in", "message sent", "Event names have no spaces")]
    public async Task Refuses_an_invalid_webhook_without_calling_the_api(string name, string url, string eventName, string message)
    {
        await using var harness = new ClientHarness();

        var failure = (await harness.Client.CreateWebhookAsync("n1", new NewWebhook(name, url, [eventName]))).Failure!;

        Assert.Equal(ApiFailureKind.InvalidRequest, failure.Kind);
        Assert.StartsWith(message, failure.Message);
        Assert.Empty(harness.Api.Requests);
    }

    [Fact]
    public async Task Pausing_sends_only_active_false_and_reads_the_documented_answer()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, PatchExample));

        var paused = (await harness.Client.UpdateWebhookAsync("num_1", "wh_01HZX...", WebhookChange.Pause)).Value!;

        Assert.False(paused.Active);
        Assert.Equal(["num_1"], paused.NumberIds); // The PATCH answer does not list the number; it is the one asked about.
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal((HttpMethod.Patch, "/v1/webhooks/wh_01HZX...", "num_1"), (request.Method, request.PathAndQuery, request.NumberId));
        Assert.Equal("""{"active":false}""", request.Body);
    }

    [Fact]
    public async Task Changing_events_sends_the_whole_new_list_and_nothing_else()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, PatchExample));

        await harness.Client.UpdateWebhookAsync("num_1", "wh_1", new WebhookChange(Events: ["number.connected", "number.disconnected"]));

        Assert.Equal("""{"events":["number.connected","number.disconnected"]}""", Assert.Single(harness.Api.Requests).Body);
    }

    [Fact]
    public async Task An_empty_change_is_refused_without_calling_the_api()
    {
        await using var harness = new ClientHarness();

        var failure = (await harness.Client.UpdateWebhookAsync("num_1", "wh_1", new WebhookChange())).Failure!;

        Assert.Equal(ApiFailureKind.InvalidRequest, failure.Kind);
        Assert.Empty(harness.Api.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, "")]
    [InlineData(HttpStatusCode.OK, """{ "ok": true }""")]
    [InlineData(HttpStatusCode.OK, "")]
    public async Task Deleting_succeeds_whatever_the_undocumented_body(HttpStatusCode status, string body)
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => new HttpResponseMessage(status) { Content = new StringContent(body) });

        var result = await harness.Client.DeleteWebhookAsync("num_1", "wh_1");

        Assert.Equal(new WebhookDeleted("wh_1"), result.Value);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal((HttpMethod.Delete, "/v1/webhooks/wh_1", "num_1"), (request.Method, request.PathAndQuery, request.NumberId));
    }

    [Fact]
    public async Task A_webhook_that_is_gone_is_named_in_the_failure()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND", "Webhook not found"));

        var failure = (await harness.Client.DeleteWebhookAsync("num_1", "wh_gone")).Failure!;

        Assert.Equal((ApiFailureKind.NotFound, "WEBHOOK_NOT_FOUND"), (failure.Kind, failure.Code));
        Assert.StartsWith("Webhook 'wh_gone' was not found in this Pilot Status account", failure.Message);
    }

    [Fact]
    public async Task Changes_are_never_retried()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.ServiceUnavailable));

        var update = await harness.Client.UpdateWebhookAsync("num_1", "wh_1", WebhookChange.Resume);
        var create = await harness.Client.CreateWebhookAsync("num_1", new NewWebhook("x", "https://x.test/in", ["*"]));
        var delete = await harness.Client.DeleteWebhookAsync("num_1", "wh_1");

        Assert.All([update.Failure, create.Failure, delete.Failure], f => Assert.Equal(ApiFailureKind.Unavailable, f!.Kind));
        Assert.Equal(3, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task Reads_delivery_logs_with_limit_and_event_filter_newest_first()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, """
            [
              { "event": "number.connected", "status": "FAILED", "statusCode": 500, "payload": { "event": "number.connected", "data": { "id": "evt_1" } },
                "response": "oops", "durationMs": 41, "createdAt": "2026-07-01T10:00:00.000Z" },
              { "event": "number.connected", "status": "SUCCESS", "statusCode": 200, "payload": "{\"event\":\"number.connected\"}",
                "response": null, "durationMs": 12.5, "createdAt": "2026-07-01T10:00:02.000Z" }
            ]
            """));

        var logs = (await harness.Client.GetWebhookLogsAsync("num_1", "wh_1", new WebhookLogQuery(500, " number.connected "))).Value!;

        Assert.Equal("/v1/webhooks/wh_1/logs?limit=50&event=number.connected", Assert.Single(harness.Api.Requests).PathAndQuery);
        Assert.Equal([true, false], logs.Select(l => l.Succeeded));
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), logs[0].Duration);
        Assert.Equal("""{"event":"number.connected"}""", logs[0].Payload);
        Assert.Equal("""{ "event": "number.connected", "data": { "id": "evt_1" } }""", logs[1].Payload);
        Assert.Equal((500, "oops"), (logs[1].StatusCode, logs[1].Response));
    }

    [Fact]
    public async Task Delivery_logs_wrapped_in_an_object_are_read_too()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, """{ "logs": [ { "event": "message.sent", "status": "SUCCESS", "statusCode": 200 } ] }"""));

        var logs = (await harness.Client.GetWebhookLogsAsync("num_1", "wh_1")).Value!;

        Assert.Equal("message.sent", Assert.Single(logs).Event);
        Assert.Equal("/v1/webhooks/wh_1/logs?limit=50", Assert.Single(harness.Api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Delivery_logs_in_an_unknown_shape_are_a_malformed_response()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, """{ "total": 3 }"""));

        var failure = (await harness.Client.GetWebhookLogsAsync("num_1", "wh_1")).Failure!;

        Assert.Equal(ApiFailureKind.MalformedResponse, failure.Kind);
        Assert.Contains("the delivery log is neither a list nor an object holding one", failure.Message);
    }

    [Fact]
    public void The_event_catalogue_follows_the_contracts_groups_and_gating()
    {
        Assert.Equal(["Outbound status", "Inbound", "Number lifecycle", "Health", "Voice calls"], WebhookEvents.Groups.Select(g => g.Name));
        Assert.False(WebhookEvents.Groups.Single(g => g.Name == "Health").Subscribable);
        Assert.Equal(["message.sent", "message.delivered", "message.read", "message.failed"], WebhookEvents.OutboundStatus);

        Assert.False(WebhookEvents.Delivers([], WebhookEvents.NumberConnected));
        Assert.True(WebhookEvents.Delivers([WebhookEvents.NumberConnected], WebhookEvents.NumberConnected));
        Assert.False(WebhookEvents.Delivers([WebhookEvents.NumberHealthBlocked], WebhookEvents.NumberHealthBlocked));
        Assert.True(WebhookEvents.Delivers([WebhookEvents.All], WebhookEvents.NumberHealthBlocked));
        Assert.True(WebhookEvents.IsKnown("call.permission_updated"));
        Assert.False(WebhookEvents.IsKnown("message.teleported"));
    }
}
