using System.Net;
using System.Text.Json;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>Sending goes with the number's own key (tenant keys cannot send); status reads follow the per-number fallback.</summary>
public class SendClientTests
{
    private const string NumberKey = "ps_number_SECRET_91bb02";

    private const string ApiKeys = $$"""
        [
          { "numberId": "n1", "keyId": "k_aaa", "key": "{{NumberKey}}", "revealable": true },
          { "numberId": "n2", "keyId": "k_bbb", "key": null, "revealable": false }
        ]
        """;

    // The contract's playground example.
    private const string SendExample = """
        { "id": "msg_01HZX...", "correlationId": "corr_01HZX...", "status": "QUEUED", "createdAt": "2026-06-20T10:00:00.000Z", "origin": "Suporte", "sourceNumber": "5511999999999" }
        """;

    private const string StatusExample = """
        { "id": "msg_abc", "status": "SENT", "correlationId": "corr_123", "destinationNumber": "+5511999999999", "template": "welcome_message",
          "createdAt": "2026-02-24T15:00:00.000Z", "sentAt": "2026-02-24T15:00:05.000Z", "readAt": null, "errorMessage": null }
        """;

    private static HttpResponseMessage Backend(HttpRequestMessage request) => request.RequestUri!.AbsolutePath switch
    {
        "/v1/api-keys" => Json(HttpStatusCode.OK, ApiKeys),
        "/v1/messages/send" => request.Headers.GetValues("x-api-key").Single() == NumberKey
            ? Json(HttpStatusCode.Accepted, SendExample)
            : Error(HttpStatusCode.Forbidden, "TENANT_SCOPE_NOT_ALLOWED"),
        _ => Json(HttpStatusCode.OK, StatusExample),
    };

    [Fact]
    public async Task Sends_a_text_with_the_numbers_own_key_and_never_tries_the_tenant_key()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(Backend);

        var sent = (await harness.Client.SendTextAsync("n1", new OutgoingText("+55 (11) 98888-7777", "Olá do painel"))).Value!;

        Assert.Equal(("msg_01HZX...", "corr_01HZX...", "+5511999999999"), (sent.Id, sent.CorrelationId, sent.SourceNumber));
        Assert.True(sent.Status.IsQueued);
        Assert.Equal(
            [("/v1/api-keys", ClientHarness.TenantKey), ("/v1/messages/send", NumberKey)],
            harness.Api.Requests.Select(r => (r.PathAndQuery, r.ApiKey)));
        var body = JsonDocument.Parse(harness.Api.Requests[1].Body!).RootElement;
        Assert.Equal("+5511988887777", body.GetProperty("destinationNumber").GetString());
        Assert.Equal("Olá do painel", body.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("123", "Oi", "Enter the recipient's phone number")]
    [InlineData("(11) 98888-7777", "Oi", "Enter the recipient's phone number")]
    [InlineData("+5511988887777", "  ", "Enter the text to send")]
    public async Task Refuses_an_invalid_send_without_calling_the_api(string to, string text, string message)
    {
        await using var harness = new ClientHarness();

        var failure = (await harness.Client.SendTextAsync("n1", new OutgoingText(to, text))).Failure!;

        Assert.Equal(ApiFailureKind.InvalidRequest, failure.Kind);
        Assert.StartsWith(message, failure.Message);
        Assert.Empty(harness.Api.Requests);
    }

    [Fact]
    public async Task A_send_is_never_retried()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.RequestUri!.AbsolutePath == "/v1/api-keys" ? Json(HttpStatusCode.OK, ApiKeys) : Error(HttpStatusCode.BadGateway));

        var failure = (await harness.Client.SendTextAsync("n1", new OutgoingText("+5511988887777", "Oi"))).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal(1, harness.Api.Count("/v1/messages/send"));
    }

    [Fact]
    public async Task A_disconnected_number_says_to_reconnect_it()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.RequestUri!.AbsolutePath == "/v1/api-keys"
            ? Json(HttpStatusCode.OK, ApiKeys)
            : Error(HttpStatusCode.Conflict, "WHATSAPP_INSTANCE_NOT_CONNECTED"));

        var failure = (await harness.Client.SendTextAsync("n1", new OutgoingText("+5511988887777", "Oi"))).Failure!;

        Assert.Equal((ApiFailureKind.Conflict, "WHATSAPP_INSTANCE_NOT_CONNECTED"), (failure.Kind, failure.Code));
        Assert.Equal("Number 'n1' is not connected, so it cannot send. Reconnect it and try again.", failure.Message);
    }

    [Fact]
    public async Task A_number_whose_key_cannot_be_revealed_cannot_send_and_is_told_to_regenerate_it()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(Backend);

        var failure = (await harness.Client.SendTextAsync("n2", new OutgoingText("+5511988887777", "Oi"))).Failure!;

        Assert.Equal(ApiFailureKind.Forbidden, failure.Kind);
        Assert.StartsWith("The API key of number 'n2' must be regenerated in Pilot Status", failure.Message);
        Assert.Equal(0, harness.Api.Count("/v1/messages/send"));
    }

    [Fact]
    public async Task Reads_a_messages_status_with_the_tenant_key_and_the_number_header()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(Backend);

        var receipt = (await harness.Client.GetMessageStatusAsync("n1", "msg_abc")).Value!;

        Assert.True(receipt.Status.IsSent);
        Assert.False(receipt.Status.IsFinal);
        Assert.Equal(("corr_123", "+5511999999999", "welcome_message"), (receipt.CorrelationId, receipt.DestinationNumber, receipt.Template));
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 15, 0, 5, TimeSpan.Zero), receipt.SentAt);
        var request = Assert.Single(harness.Api.Requests);
        Assert.Equal(("/v1/messages/msg_abc", ClientHarness.TenantKey, "n1"), (request.PathAndQuery, request.ApiKey, request.NumberId));
    }

    [Fact]
    public async Task A_refused_tenant_key_falls_back_to_the_number_key_for_the_status()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.RequestUri!.AbsolutePath == "/v1/api-keys" ? Json(HttpStatusCode.OK, ApiKeys)
            : request.Headers.GetValues("x-api-key").Single() == ClientHarness.TenantKey ? Error(HttpStatusCode.Forbidden, "TENANT_SCOPE_NOT_ALLOWED")
            : Json(HttpStatusCode.OK, """{ "id": "msg_abc", "status": "FAILED", "errorMessage": "WHATSAPP_NOT_EXIST" }"""));

        var receipt = (await harness.Client.GetMessageStatusAsync("n1", "msg_abc")).Value!;

        Assert.True(receipt.Status.IsFailed);
        Assert.True(receipt.Status.IsFinal);
        Assert.Equal("WHATSAPP_NOT_EXIST", receipt.ErrorMessage);
        Assert.Equal(NumberKey, harness.Api.Requests[^1].ApiKey);
    }

    [Fact]
    public async Task An_unknown_message_is_named_in_the_failure()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.NotFound, error: "Message not found"));

        var failure = (await harness.Client.GetMessageStatusAsync("n1", "msg_gone")).Failure!;

        Assert.Equal(ApiFailureKind.NotFound, failure.Kind);
        Assert.StartsWith("Message 'msg_gone' was not found", failure.Message);
    }

    [Theory]
    [InlineData("QUEUED", false)]
    [InlineData("SENT", false)]
    [InlineData("DELIVERED", true)]
    [InlineData("read", true)]
    [InlineData("FAILED", true)]
    [InlineData("CANCELED", true)]
    [InlineData("SCHEDULED", false)]
    public void A_status_is_final_once_nothing_more_is_worth_waiting_for(string status, bool final)
    {
        Assert.Equal(final, new MessageStatus(status).IsFinal);
    }
}
