using System.Net;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Webhooks;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>What the documentation allows and a real server does, beyond what the sandbox produces.</summary>
public class RoughEdgeTests
{
    private const string NumberJson = """{ "id": "n1", "name": "Suporte", "number": "5511999999999", "state": "OPEN", "isFullyConnected": true }""";

    [Fact]
    public async Task Connect_is_sent_once_even_on_a_server_error_because_each_call_supersedes_the_last_code()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 2);
        harness.Api.Respond(_ => Error(HttpStatusCode.ServiceUnavailable));

        var result = await harness.Client.ConnectNumberAsync("n1");

        Assert.Equal(ApiFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal(1, harness.Api.Count("/v1/numbers/n1/connect"));
    }

    [Fact]
    public async Task The_status_of_a_number_is_still_retried_on_a_server_error()
    {
        await using var harness = new ClientHarness(o => o.RetryAttempts = 2);
        harness.Api.RespondInOrder(() => Error(HttpStatusCode.ServiceUnavailable), () => Json(HttpStatusCode.OK, """{ "state": "CLOSE" }"""));

        Assert.True((await harness.Client.GetLiveStatusAsync("n1")).Succeeded);
        Assert.Equal(2, harness.Api.Count("/v1/numbers/n1/status"));
    }

    [Fact]
    public async Task A_429_without_retry_after_is_retried_after_two_seconds_then_four_not_in_a_burst()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-30T12:00:00Z"));
        await using var harness = new ClientHarness(o => o.RetryAttempts = 2, clock);
        var sentAt = new List<DateTimeOffset>();
        harness.Api.Respond(_ =>
        {
            lock (sentAt)
            {
                sentAt.Add(clock.GetUtcNow());
            }

            return Error(HttpStatusCode.TooManyRequests);
        });

        var call = harness.Client.ListNumbersAsync();
        // The clock moves in small steps, each after the pipeline has had a moment to act on the last one.
        while (!call.IsCompleted && clock.GetUtcNow() < DateTimeOffset.Parse("2026-06-30T12:00:30Z"))
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(ApiFailureKind.RateLimited, (await call).Failure!.Kind);
        Assert.Equal(3, sentAt.Count);
        Assert.True(sentAt[1] - sentAt[0] >= TimeSpan.FromSeconds(2), $"The first retry came {sentAt[1] - sentAt[0]} after the 429.");
        Assert.True(sentAt[2] - sentAt[1] >= TimeSpan.FromSeconds(4), $"The second retry came {sentAt[2] - sentAt[1]} after the first.");
    }

    [Fact]
    public async Task The_call_that_opens_the_circuit_breaker_shows_the_servers_own_error_and_only_later_calls_say_paused()
    {
        await using var harness = new ClientHarness(o =>
        {
            o.RetryAttempts = 2;
            o.BreakerMinimumThroughput = 5;
            o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        harness.Api.Respond(_ => Error(HttpStatusCode.InternalServerError, "DB_DOWN", "Database unavailable"));

        var first = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;
        var tripping = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;
        var afterwards = (await harness.Client.GetLiveStatusAsync("n1")).Failure!;

        const string Own = "Pilot Status answered with a server error (HTTP 500 DB_DOWN): \"Database unavailable\". " +
            "This is usually temporary on their side: try again in a minute.";
        Assert.Equal(Own, first.Message);
        Assert.Equal(Own, tripping.Message);
        Assert.Equal("DB_DOWN", tripping.Code);
        Assert.Equal(
            "Calls to Pilot Status are paused for about 30 seconds after repeated failures, to give it time to recover. Try again shortly.",
            afterwards.Message);
        Assert.Equal(5, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task A_flat_create_response_keeps_the_numbers_name_and_phone()
    {
        await using var server = await LoopbackServer.StartAsync(
            """{ "id": "n9", "name": "Vendas", "number": "5511988887777", "state": "CONNECTING", "qrcodeBase64": "iVBORw0KGgo=", "pairingCode": "WXYZ5678" }""");
        await using var harness = new ClientHarness(baseAddress: server.BaseAddress, fakeSocket: false);

        var created = (await harness.Client.CreateNumberAsync(new("Vendas", "+55 11 98888-7777"))).Value!;

        Assert.Equal(("n9", "Vendas", "+5511988887777", "WXYZ5678"), (created.Id, created.Name, created.Phone, created.Connect.PairingCode));
        Assert.True(created.State.IsConnecting);
    }

    [Fact]
    public async Task A_create_response_with_only_the_id_and_code_falls_back_to_what_the_operator_typed()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.Created, """{ "id": "n9", "qrcodeBase64": "iVBORw0KGgo=", "pairingCode": "WXYZ5678" }"""));

        var created = (await harness.Client.CreateNumberAsync(new(" Vendas ", "+55 11 98888-7777"))).Value!;

        Assert.Equal(("Vendas", "+5511988887777"), (created.Name, created.Phone));
    }

    [Fact]
    public async Task Requests_name_the_dashboard_and_send_their_body_with_a_content_length()
    {
        await using var server = await LoopbackServer.StartAsync(
            """{ "instance": { "id": "n9", "name": "Vendas", "number": "5511988887777" }, "qrcodeBase64": null, "pairingCode": null }""");
        await using var harness = new ClientHarness(baseAddress: server.BaseAddress, fakeSocket: false);

        Assert.True((await harness.Client.CreateNumberAsync(new("Vendas", "+5511988887777"))).Succeeded);

        Assert.Matches(@"^PilotStatusFleetDashboard/\d+\.\d+\.\d+", server.LastUserAgent);
        Assert.Null(server.LastTransferEncoding);
        Assert.Equal(server.LastBody!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), server.LastContentLength);
        Assert.Contains("\"Vendas\"", server.LastBody);
    }

    [Fact]
    public async Task A_404_from_history_while_the_number_exists_says_the_feature_is_not_available_not_that_the_number_is_gone()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.RequestUri!.AbsolutePath == "/v1/numbers/n1"
            ? Json(HttpStatusCode.OK, NumberJson)
            : Error(HttpStatusCode.NotFound, error: "Not found"));

        var failure = (await harness.Client.GetMessageHistoryAsync("n1", new PageRequest())).Failure!;

        Assert.Equal(ApiFailureKind.NotAvailable, failure.Kind);
        Assert.Equal(
            "Message history is not available for number 'n1' (Pilot Status answered HTTP 404 although the number exists). " +
            "The feature may not be enabled for this number or account; check it in Pilot Status.",
            failure.Message);
    }

    [Fact]
    public async Task A_404_from_webhooks_for_a_number_that_is_really_gone_says_it_is_gone()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.NotFound, error: "Not found"));

        var failure = (await harness.Client.ListWebhooksAsync("n1")).Failure!;

        Assert.Equal(ApiFailureKind.NotFound, failure.Kind);
        Assert.Equal("Number 'n1' no longer exists in this Pilot Status account: it may have been removed. Reload the list.", failure.Message);
        Assert.Equal(1, harness.Api.Count("/v1/numbers/n1")); // confirmed with the number's own endpoint
    }

    [Fact]
    public async Task A_404_on_sends_conversations_and_new_webhooks_of_a_live_number_is_not_available()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.RequestUri!.AbsolutePath switch
        {
            "/v1/numbers/n1" => Json(HttpStatusCode.OK, NumberJson),
            "/v1/api-keys" => Json(HttpStatusCode.OK, """[ { "numberId": "n1", "keyId": "k1", "key": "ps_number_key_1" } ]"""),
            _ => Error(HttpStatusCode.NotFound),
        });

        var failures = new[]
        {
            (await harness.Client.GetConversationsAsync("n1", new PageRequest())).Failure!,
            (await harness.Client.SendTextAsync("n1", new OutgoingText("+5511977776666", "Olá"))).Failure!,
            (await harness.Client.CreateWebhookAsync("n1", new NewWebhook("Fila", "https://example.com/hook", ["message.received"]))).Failure!,
        };

        Assert.All(failures, failure => Assert.Equal(ApiFailureKind.NotAvailable, failure.Kind));
    }

    [Fact]
    public async Task A_404_on_remote_pairing_says_the_feature_is_missing_for_the_account()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Error(HttpStatusCode.NotFound));

        var failure = (await harness.Client.CreateRemotePairingLinkAsync(new("Cliente", "+5511988887777"))).Failure!;

        Assert.Equal(ApiFailureKind.NotAvailable, failure.Kind);
        Assert.StartsWith("Remote pairing is not available for this Pilot Status account (HTTP 404).", failure.Message);
    }

    [Fact]
    public async Task A_handled_timeout_is_logged_as_a_warning_not_an_error()
    {
        await using var harness = new ClientHarness(o =>
        {
            o.RetryAttempts = 1;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromSeconds(1);
            o.BreakerSamplingDuration = TimeSpan.FromSeconds(2);
        });
        harness.Api.Respond(async (_, _) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan);
            return Json(HttpStatusCode.OK, "[]");
        });

        var failure = (await harness.Client.ListNumbersAsync()).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Contains(harness.Logs.Lines, line => line.StartsWith("Warning Polly", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }
}
