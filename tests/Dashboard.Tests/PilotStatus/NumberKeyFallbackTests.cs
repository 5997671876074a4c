using System.Net;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>Older backends refuse the tenant key on per-number endpoints; the client then uses the number's own key.</summary>
public class NumberKeyFallbackTests
{
    private const string NumberKey = "ps_number_SECRET_77aa01";

    private const string ApiKeys = $$"""
        [
          { "numberId": "n1", "number": "5511999999999", "displayName": "Suporte", "keyId": "k_aaa", "keyLast4": "a01", "key": "{{NumberKey}}", "revealable": true },
          { "numberId": "n2", "number": "5511888888888", "displayName": "Vendas", "keyId": "k_bbb", "keyLast4": "abcd", "key": null, "revealable": false }
        ]
        """;

    private const string EmptyHistory = """{ "messages": [], "total": 0, "page": 1, "pageSize": 30, "totalPages": 0 }""";

    /// <summary>An older backend: the tenant key is refused on per-number routes, a number key is accepted.</summary>
    private static HttpResponseMessage OlderBackend(HttpRequestMessage request)
    {
        var key = request.Headers.GetValues("x-api-key").Single();
        return request.RequestUri!.AbsolutePath switch
        {
            "/v1/api-keys" => Json(HttpStatusCode.OK, ApiKeys),
            _ when key == ClientHarness.TenantKey => Error(HttpStatusCode.Forbidden, "TENANT_SCOPE_NOT_ALLOWED", "Tenant-scoped keys cannot read messages"),
            "/v1/messages/history" => Json(HttpStatusCode.OK, EmptyHistory),
            "/v1/conversations" => Json(HttpStatusCode.OK, """{ "conversations": [], "total": 0 }"""),
            _ => Json(HttpStatusCode.OK, """{ "totalSent": 5 }"""),
        };
    }

    [Fact]
    public async Task Refused_tenant_key_falls_back_to_the_numbers_own_key()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(OlderBackend);

        var result = await harness.Client.GetMessageHistoryAsync("n1", new PageRequest());

        Assert.True(result.Succeeded);
        Assert.Equal(
            [
                ("/v1/messages/history?page=1&pageSize=30", ClientHarness.TenantKey),
                ("/v1/api-keys", ClientHarness.TenantKey),
                ("/v1/messages/history?page=1&pageSize=30", NumberKey),
            ],
            harness.Api.Requests.Select(r => (r.PathAndQuery, r.ApiKey)));
    }

    [Fact]
    public async Task Once_refused_later_calls_go_straight_to_the_cached_number_key()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(OlderBackend);

        await harness.Client.GetMessageHistoryAsync("n1", new PageRequest());
        var before = harness.Api.Requests.Count;
        var conversations = await harness.Client.GetConversationsAsync("n1", new PageRequest());
        var analytics = await harness.Client.GetAnalyticsAsync("n1");

        Assert.True(conversations.Succeeded);
        Assert.Equal(5, analytics.Value!.TotalSent);
        Assert.Equal([NumberKey, NumberKey], harness.Api.Requests.Skip(before).Select(r => r.ApiKey));
        Assert.Equal(1, harness.Api.Count("/v1/api-keys"));
    }

    [Fact]
    public async Task Number_keys_are_fetched_again_after_their_lifetime()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = new ClientHarness(o => o.NumberKeyLifetime = TimeSpan.FromMinutes(5), clock);
        harness.Api.Respond(OlderBackend);

        await harness.Client.GetMessageHistoryAsync("n1", new PageRequest());
        clock.Advance(TimeSpan.FromMinutes(6));
        await harness.Client.GetMessageHistoryAsync("n1", new PageRequest());

        Assert.Equal(2, harness.Api.Count("/v1/api-keys"));
    }

    [Fact]
    public async Task A_number_missing_from_the_cached_keys_fetches_them_once_more_and_no_more()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(OlderBackend);

        await harness.Client.GetMessageHistoryAsync("n1", new PageRequest());
        var failure = (await harness.Client.GetMessageHistoryAsync("n9", new PageRequest())).Failure!;

        Assert.Equal(ApiFailureKind.Forbidden, failure.Kind);
        Assert.StartsWith("Pilot Status lists no API key for number 'n9'", failure.Message);
        Assert.Equal(2, harness.Api.Count("/v1/api-keys"));
    }

    [Fact]
    public async Task A_number_without_a_revealable_key_asks_to_regenerate_it()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(OlderBackend);

        var failure = (await harness.Client.GetConversationsAsync("n2", new PageRequest())).Failure!;

        Assert.Equal(ApiFailureKind.Forbidden, failure.Kind);
        Assert.Equal(
            "The API key of number 'n2' must be regenerated in Pilot Status (API keys page): it is an older key that Pilot Status " +
            "cannot reveal, and the tenant key is not allowed to read that number's data.",
            failure.Message);
    }

    [Fact]
    public async Task A_rejected_number_key_is_forgotten_so_the_next_call_fetches_the_current_one()
    {
        await using var harness = new ClientHarness();
        var rejectNumberKey = true;
        harness.Api.Respond(request =>
            request.RequestUri!.AbsolutePath != "/v1/api-keys" && request.Headers.GetValues("x-api-key").Single() == NumberKey && rejectNumberKey
                ? Error(HttpStatusCode.Unauthorized)
                : OlderBackend(request));

        var failure = (await harness.Client.GetAnalyticsAsync("n1")).Failure!;
        rejectNumberKey = false;
        var retried = await harness.Client.GetAnalyticsAsync("n1");

        Assert.Equal(ApiFailureKind.Unauthorized, failure.Kind);
        Assert.StartsWith("Pilot Status rejected the API key of number 'n1' (HTTP 401).", failure.Message);
        Assert.True(retried.Succeeded);
        Assert.Equal(2, harness.Api.Count("/v1/api-keys"));
    }

    [Fact]
    public async Task A_newer_backend_accepts_the_tenant_key_and_no_key_list_is_fetched()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, EmptyHistory));

        await harness.Client.GetMessageHistoryAsync("n1", new PageRequest());
        await harness.Client.GetMessageHistoryAsync("n1", new PageRequest());

        Assert.Equal(0, harness.Api.Count("/v1/api-keys"));
        Assert.All(harness.Api.Requests, r => Assert.Equal(ClientHarness.TenantKey, r.ApiKey));
    }
}
