using System.Net;
using System.Text.Json;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

/// <summary>POST /v1/messages/send (number key only) and GET /v1/messages/{id}, whose status advances on the sandbox clock.</summary>
public sealed class SandboxSendTests : SandboxTestBase, IDisposable
{
    private readonly WebhookReceiver _receiver = WebhookReceiver.Start();

    [Fact]
    public async Task The_tenant_key_cannot_send_even_when_it_names_the_number()
    {
        var number = OpenQrNumber();

        using var response = await SendAsync(HttpMethod.Post, "/v1/messages/send", numberId: number.Id, body: new { destinationNumber = "+5511988887777", text = "Oi" });

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "TENANT_SCOPE_NOT_ALLOWED");
    }

    [Fact]
    public async Task A_number_key_sends_a_text_that_is_queued_then_sent_delivered_and_read_as_time_passes()
    {
        var number = OpenQrNumber();

        using var send = await SendAsync(HttpMethod.Post, "/v1/messages/send", key: number.ApiKey, body: new { destinationNumber = "+5511988887777", text = "Teste do painel" });

        Assert.Equal(HttpStatusCode.Accepted, send.StatusCode);
        var sent = await JsonAsync(send);
        var id = sent.GetProperty("id").GetString()!;
        Assert.StartsWith("msg_", id);
        Assert.Equal("QUEUED", sent.GetProperty("status").GetString());
        Assert.Equal(number.Name, sent.GetProperty("origin").GetString());
        Assert.Equal(number.Number, sent.GetProperty("sourceNumber").GetString());
        Assert.Equal("2026-06-30T12:00:00.000Z", sent.GetProperty("createdAt").GetString());

        var queued = await StatusAsync(id, number.ApiKey);
        Assert.Equal("QUEUED", queued.GetProperty("status").GetString());
        Assert.Equal("+5511988887777", queued.GetProperty("destinationNumber").GetString());
        Assert.Equal(sent.GetProperty("correlationId").GetString(), queued.GetProperty("correlationId").GetString());

        Clock.Advance(Options.MessageSentAfter);
        var sentStatus = await StatusAsync(id, number.ApiKey);
        Assert.Equal("SENT", sentStatus.GetProperty("status").GetString());
        Assert.Equal("2026-06-30T12:00:01.000Z", sentStatus.GetProperty("sentAt").GetString());

        Clock.Advance(Options.MessageDeliveredAfter - Options.MessageSentAfter);
        Assert.Equal("DELIVERED", (await StatusAsync(id, number.ApiKey)).GetProperty("status").GetString());

        Clock.Advance(Options.MessageReadAfter - Options.MessageDeliveredAfter);
        var read = await StatusAsync(id, number.ApiKey);
        Assert.Equal("READ", read.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("errorMessage").ValueKind);
    }

    [Fact]
    public async Task A_message_is_found_by_its_correlation_id_and_only_within_its_number()
    {
        var number = OpenQrNumber();
        var sent = await SendTextAsync(number, "+5511988887777");

        var byCorrelation = await StatusAsync(sent.GetProperty("correlationId").GetString()!, number.ApiKey);
        Assert.Equal(sent.GetProperty("id").GetString(), byCorrelation.GetProperty("id").GetString());

        var withTenantKey = await GetJsonAsync($"/v1/messages/{sent.GetProperty("id").GetString()}", numberId: number.Id);
        Assert.Equal("QUEUED", withTenantKey.GetProperty("status").GetString());

        var otherNumber = Seeded(n => n.Id != number.Id && n.KeyRevealable);
        using var elsewhere = await GetAsync($"/v1/messages/{sent.GetProperty("id").GetString()}", key: otherNumber.ApiKey);
        await AssertErrorAsync(elsewhere, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task A_failing_recipient_fails_with_an_error_message_and_posts_message_failed()
    {
        var number = OpenQrNumber();
        await CreateWebhookAsync(number.Id, "message.sent", "message.failed");
        var sent = await SendTextAsync(number, "+5511900001234");

        Clock.Advance(Options.MessageSentAfter);

        var failed = await StatusAsync(sent.GetProperty("id").GetString()!, number.ApiKey);
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Contains("WHATSAPP_NOT_EXIST", failed.GetProperty("errorMessage").GetString());
        var posted = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal("message.failed", posted.Event);
        Assert.Equal(sent.GetProperty("id").GetString(), posted.Data.GetProperty("internalMessageId").GetString());
        Assert.Contains("WHATSAPP_NOT_EXIST", posted.Data.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Each_status_step_posts_its_message_event_with_its_own_event_id()
    {
        var number = OpenQrNumber();
        await CreateWebhookAsync(number.Id, "message.sent", "message.delivered", "message.read");
        var sent = await SendTextAsync(number, "+5511988887777");

        Clock.Advance(Options.MessageReadAfter);

        var events = await _receiver.WaitForAsync(3);
        Assert.Equal(["message.sent", "message.delivered", "message.read"], events.Select(e => e.Event).ToArray());
        Assert.All(events, e =>
        {
            Assert.Equal(sent.GetProperty("id").GetString(), e.Data.GetProperty("internalMessageId").GetString());
            Assert.Equal(number.Id, e.Data.GetProperty("numberId").GetString());
            Assert.Equal("+5511988887777", e.Data.GetProperty("to").GetString());
        });
        Assert.Equal(3, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_number_that_is_not_connected_cannot_send()
    {
        var number = ClosedQrNumber();

        using var response = await SendAsync(HttpMethod.Post, "/v1/messages/send", key: number.ApiKey, body: new { destinationNumber = "+5511988887777", text = "Oi" });

        await AssertErrorAsync(response, HttpStatusCode.Conflict, "WHATSAPP_INSTANCE_NOT_CONNECTED");
    }

    [Theory]
    [InlineData("12345", "Oi")]
    [InlineData("+5511988887777", "")]
    [InlineData(null, "Oi")]
    public async Task A_send_needs_a_phone_or_BSUID_and_a_text(string? destinationNumber, string text)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/messages/send", key: OpenQrNumber().ApiKey, body: new { destinationNumber, text });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    public void Dispose() => _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<JsonElement> SendTextAsync(SandboxNumberInfo number, string to)
    {
        using var send = await SendAsync(HttpMethod.Post, "/v1/messages/send", key: number.ApiKey, body: new { destinationNumber = to, text = "Teste" });
        Assert.Equal(HttpStatusCode.Accepted, send.StatusCode);
        return await JsonAsync(send);
    }

    private Task<JsonElement> StatusAsync(string id, string key) => GetJsonAsync($"/v1/messages/{id}", key: key);

    private async Task CreateWebhookAsync(string numberId, params string[] events)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/webhooks", numberId: numberId, body: new { url = _receiver.Url, name = "test", events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
