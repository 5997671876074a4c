using System.Net;
using System.Text.Json;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

/// <summary>/v1/webhooks* as contract §3.4 describes it, and real deliveries of number events to a loopback receiver.</summary>
public sealed class SandboxWebhookTests : SandboxTestBase, IDisposable
{
    private readonly WebhookReceiver _receiver = WebhookReceiver.Start();

    [Fact]
    public async Task A_tenant_key_creates_lists_reads_updates_and_deletes_a_webhook_of_a_number()
    {
        var number = OpenQrNumber();

        using var create = await SendAsync(HttpMethod.Post, "/v1/webhooks", numberId: number.Id,
            body: new { url = "https://hooks.acme.test/whatsapp", name = "n8n", events = new[] { "message.received", "message.delivered" } });

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await JsonAsync(create);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("n8n", created.GetProperty("name").GetString());
        Assert.Equal("https://hooks.acme.test/whatsapp", created.GetProperty("url").GetString());
        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.Equal(["message.received", "message.delivered"], Strings(created.GetProperty("events")));
        Assert.Equal([number.Id], Strings(created.GetProperty("whatsappNumberIds")));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("lastTriggered").ValueKind);
        Assert.DoesNotContain("secret", created.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var listed = await GetJsonAsync("/v1/webhooks", numberId: number.Id);
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(id, (await GetJsonAsync($"/v1/webhooks/{id}")).GetProperty("id").GetString());

        using var replace = await SendAsync(HttpMethod.Patch, $"/v1/webhooks/{id}", numberId: number.Id, body: new { events = new[] { "number.connected" } });
        Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        Assert.Equal(["number.connected"], Strings((await JsonAsync(replace)).GetProperty("events")));

        using var pause = await SendAsync(HttpMethod.Patch, $"/v1/webhooks/{id}", numberId: number.Id, body: new { active = false });
        var paused = await JsonAsync(pause);
        Assert.False(paused.GetProperty("active").GetBoolean());
        Assert.Equal("n8n", paused.GetProperty("name").GetString());
        Assert.Equal(["number.connected"], Strings(paused.GetProperty("events")));

        using var delete = await SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", numberId: number.Id);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await GetAsync($"/v1/webhooks/{id}");
        await AssertErrorAsync(gone, HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        using var goneLogs = await GetAsync($"/v1/webhooks/{id}/logs");
        await AssertErrorAsync(goneLogs, HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        Assert.Empty((await GetJsonAsync("/v1/webhooks", numberId: number.Id)).EnumerateArray());
    }

    [Fact]
    public async Task The_number_of_a_new_webhook_is_resolved_as_documented()
    {
        var number = OpenQrNumber();
        var other = State.GetNumbers(SandboxTenant.Other)[0];
        object body = new { url = "https://hooks.acme.test/in", events = new[] { "*" } };

        using var noNumber = await SendAsync(HttpMethod.Post, "/v1/webhooks", body: body);
        await AssertErrorAsync(noNumber, HttpStatusCode.BadRequest, "NUMBER_REQUIRED");

        using var foreign = await SendAsync(HttpMethod.Post, "/v1/webhooks", numberId: other.Id, body: body);
        await AssertErrorAsync(foreign, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");

        using var mismatch = await SendAsync(HttpMethod.Post, "/v1/webhooks", key: number.ApiKey,
            body: new { url = "https://hooks.acme.test/in", events = new[] { "*" }, whatsappNumberId = ClosedQrNumber().Id });
        await AssertErrorAsync(mismatch, HttpStatusCode.BadRequest, "NUMBER_MISMATCH");

        using var inBody = await SendAsync(HttpMethod.Post, "/v1/webhooks",
            body: new { url = "https://hooks.acme.test/in", events = new[] { "*" }, whatsappNumberId = number.Id });
        Assert.Equal(HttpStatusCode.Created, inBody.StatusCode);

        using var withNumberKey = await SendAsync(HttpMethod.Post, "/v1/webhooks", key: number.ApiKey, body: body);
        Assert.Equal(HttpStatusCode.Created, withNumberKey.StatusCode);
        Assert.Equal([number.Id], Strings((await JsonAsync(withNumberKey)).GetProperty("whatsappNumberIds")));
    }

    [Fact]
    public async Task A_webhook_is_visible_only_within_its_tenant_and_to_its_own_numbers_key()
    {
        var number = OpenQrNumber();
        var id = await CreateWebhookAsync(number.Id, "https://hooks.acme.test/in", "*");

        using var otherTenant = await GetAsync($"/v1/webhooks/{id}", key: State.OtherTenantApiKey);
        await AssertErrorAsync(otherTenant, HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        Assert.Empty((await GetJsonAsync("/v1/webhooks", key: State.OtherTenantApiKey)).EnumerateArray());

        var otherNumber = Seeded(n => n.Id != number.Id && n.KeyRevealable);
        using var otherNumberKey = await GetAsync($"/v1/webhooks/{id}", key: otherNumber.ApiKey);
        await AssertErrorAsync(otherNumberKey, HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        Assert.Empty((await GetJsonAsync("/v1/webhooks", key: otherNumber.ApiKey, numberId: number.Id)).EnumerateArray());

        Assert.Single((await GetJsonAsync("/v1/webhooks", key: number.ApiKey)).EnumerateArray());
    }

    [Theory]
    [InlineData("not a url", "*")]
    [InlineData("ftp://hooks.acme.test/in", "*")]
    [InlineData("https://hooks.acme.test/in", "message.teleported")]
    public async Task A_webhook_needs_an_http_url_and_documented_event_names(string url, string eventName)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/webhooks", numberId: OpenQrNumber().Id, body: new { url, events = new[] { eventName } });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_scan_posts_number_connected_to_the_receiver_and_logs_the_delivery()
    {
        var id = await CreateNumberAsync();
        var webhook = await CreateWebhookAsync(id, _receiver.Url.ToString(), "number.connected", "number.disconnected");

        using var scan = await SendAsync(HttpMethod.Post, $"/sandbox/numbers/{id}/scan", body: new { code = State.GetConnection(id)!.CurrentCode!.PairingCode });
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);

        var received = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal("POST", received.Method);
        Assert.StartsWith("application/json", received.ContentType);
        Assert.Equal("number.connected", received.Event);
        Assert.Equal(id, received.Data.GetProperty("numberId").GetString());
        Assert.Equal("OPEN", received.Data.GetProperty("state").GetString());
        Assert.Equal("+5511987654321", received.Data.GetProperty("number").GetString());
        Assert.StartsWith("evt_", received.Id);

        var log = Assert.Single(await WaitForLogsAsync(webhook, 1));
        Assert.Equal("number.connected", log.GetProperty("event").GetString());
        Assert.Equal("SUCCESS", log.GetProperty("status").GetString());
        Assert.Equal(200, log.GetProperty("statusCode").GetInt32());
        Assert.Equal("received", log.GetProperty("response").GetString());
        Assert.True(log.GetProperty("durationMs").GetInt64() >= 0);
        Assert.Equal("2026-06-30T12:00:00.000Z", log.GetProperty("createdAt").GetString());
        Assert.Equal(received.Id, log.GetProperty("payload").GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("number.connected", log.GetProperty("payload").GetProperty("event").GetString());

        var listed = Assert.Single((await GetJsonAsync("/v1/webhooks", numberId: id)).EnumerateArray());
        Assert.Equal("2026-06-30T12:00:00.000Z", listed.GetProperty("lastTriggered").GetString());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_the_retry_delay_with_the_same_event_id()
    {
        var number = OpenQrNumber();
        var webhook = await CreateWebhookAsync(number.Id, _receiver.Url.ToString(), "number.disconnected");
        _receiver.AnswerNext(HttpStatusCode.InternalServerError);

        using var disconnect = await SendAsync(HttpMethod.Post, $"/sandbox/numbers/{number.Id}/disconnect");
        Assert.Equal(HttpStatusCode.OK, disconnect.StatusCode);

        var failed = Assert.Single(await WaitForLogsAsync(webhook, 1));
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal(500, failed.GetProperty("statusCode").GetInt32());
        Assert.Equal("receiver says no", failed.GetProperty("response").GetString());
        Assert.Single(_receiver.Received);

        Clock.Advance(Options.WebhookRetryDelay);

        var logs = await WaitForLogsAsync(webhook, 2);
        Assert.Equal(["SUCCESS", "FAILED"], logs.Select(l => l.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(2, logs[0].GetProperty("attempt").GetInt32());
        var both = await _receiver.WaitForAsync(2);
        Assert.Equal(both[0].Id, both[1].Id);
        Assert.Equal("number.disconnected", both[1].Event);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_logged_as_failed_without_a_status_and_given_up_after_the_last_attempt()
    {
        var number = OpenQrNumber();
        var webhook = await CreateWebhookAsync(number.Id, "http://127.0.0.1:1/hooks/in", "*"); // Port 1: connection refused.

        State.Disconnect(number.Id);

        for (var attempt = 1; attempt < Options.WebhookMaxAttempts; attempt++)
        {
            await WaitForLogsAsync(webhook, attempt);
            Clock.Advance(Options.WebhookRetryDelay * Math.Pow(2, attempt - 1));
        }

        var logs = await WaitForLogsAsync(webhook, Options.WebhookMaxAttempts);
        Assert.All(logs, l =>
        {
            Assert.Equal("FAILED", l.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, l.GetProperty("statusCode").ValueKind);
            Assert.StartsWith("Could not deliver", l.GetProperty("response").GetString());
        });
        await WaitUntilSettledAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitUntilSettledAsync();
        Assert.Equal(Options.WebhookMaxAttempts, (await GetJsonAsync($"/v1/webhooks/{webhook}/logs")).GetArrayLength());
    }

    [Fact]
    public async Task A_slow_receiver_does_not_hold_up_the_request_that_caused_the_event()
    {
        var number = OpenQrNumber();
        await CreateWebhookAsync(number.Id, _receiver.Url.ToString(), "number.disconnected");
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.Hold = hold;

        using var disconnect = await SendAsync(HttpMethod.Post, $"/sandbox/numbers/{number.Id}/disconnect");

        Assert.Equal(HttpStatusCode.OK, disconnect.StatusCode);
        await _receiver.WaitForAsync(1);
        Assert.False(hold.Task.IsCompleted); // The receiver is still holding its answer, and the API already answered.
        hold.SetResult();
    }

    [Fact]
    public async Task Only_subscribed_active_webhooks_of_the_number_get_an_event()
    {
        var number = OpenQrNumber();
        await CreateWebhookAsync(number.Id, _receiver.Url + "?all", "*");
        await CreateWebhookAsync(number.Id, _receiver.Url + "?connected-only", "number.connected");
        await CreateWebhookAsync(number.Id, _receiver.Url + "?nothing");
        var paused = await CreateWebhookAsync(number.Id, _receiver.Url + "?paused", "number.disconnected");
        using (await SendAsync(HttpMethod.Patch, $"/v1/webhooks/{paused}", body: new { active = false }))
        {
        }

        await CreateWebhookAsync(ClosedQrNumber().Id, _receiver.Url + "?other-number", "*");

        State.Disconnect(number.Id);
        await _receiver.WaitForAsync(1);
        await WaitUntilSettledAsync();

        var received = Assert.Single(_receiver.Received);
        Assert.Equal("number.disconnected", received.Event);
        Assert.Equal(0, (await GetJsonAsync($"/v1/webhooks/{paused}/logs")).GetArrayLength());
    }

    [Fact]
    public async Task Removing_a_number_posts_number_removed_and_takes_its_webhooks()
    {
        var number = OpenQrNumber();
        await CreateWebhookAsync(number.Id, _receiver.Url.ToString(), "number.removed");

        using var delete = await SendAsync(HttpMethod.Delete, $"/v1/numbers/{number.Id}");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);

        var removed = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal("number.removed", removed.Event);
        Assert.Equal(number.Id, removed.Data.GetProperty("numberId").GetString());
        Assert.Empty((await GetJsonAsync("/v1/webhooks")).EnumerateArray());
    }

    [Fact]
    public async Task Reset_forgets_every_webhook()
    {
        await CreateWebhookAsync(OpenQrNumber().Id, "https://hooks.acme.test/in", "*");

        State.Reset();

        Assert.Empty((await GetJsonAsync("/v1/webhooks")).EnumerateArray());
    }

    [Fact]
    public async Task Logs_take_a_limit_and_an_event_filter()
    {
        var number = OpenQrNumber();
        var webhook = await CreateWebhookAsync(number.Id, _receiver.Url.ToString(), "*");
        State.Disconnect(number.Id);
        using (var connect = await GetAsync($"/v1/numbers/{number.Id}/connect"))
        {
            Assert.Equal(HttpStatusCode.OK, connect.StatusCode);
        }

        Assert.Equal(ScanResult.Connected, State.ScanCurrentCode(number.Id));
        State.Disconnect(number.Id);
        await WaitForLogsAsync(webhook, 3);

        Assert.Equal(2, (await GetJsonAsync($"/v1/webhooks/{webhook}/logs?event=number.disconnected")).GetArrayLength());
        Assert.Equal(1, (await GetJsonAsync($"/v1/webhooks/{webhook}/logs?limit=1")).GetArrayLength());
        using var tooMany = await GetAsync($"/v1/webhooks/{webhook}/logs?limit=51");
        await AssertErrorAsync(tooMany, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    public void Dispose() => _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<string> CreateWebhookAsync(string numberId, string url, params string[] events)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/webhooks", numberId: numberId, body: new { url, name = "test", events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    private async Task<IReadOnlyList<JsonElement>> WaitForLogsAsync(string webhookId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var logs = (await GetJsonAsync($"/v1/webhooks/{webhookId}/logs")).EnumerateArray().ToList();
            if (logs.Count >= count)
            {
                return logs;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} delivery log items, got {logs.Count}.");
            await Task.Delay(10);
        }
    }

    private async Task WaitUntilSettledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (State.PendingWebhookDeliveries > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Webhook deliveries did not settle.");
            await Task.Delay(10);
        }
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
