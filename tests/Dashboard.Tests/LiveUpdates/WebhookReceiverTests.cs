using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.LiveUpdates;

/// <summary>The real app in memory receiving Pilot Status deliveries at <c>/hooks/pilot-status/{token}</c>.</summary>
public sealed class WebhookReceiverTests : IAsyncLifetime
{
    private const string Secret = "a-signing-secret-of-some-length";

    private readonly DashboardAppFactory _app = new(new Dictionary<string, string?>
    {
        ["LiveUpdates:SigningSecret"] = Secret,
        ["LiveUpdates:MaxBodyBytes"] = "4096",
        ["PilotStatus:Sandbox:FleetSize"] = "1050",
    });

    private IReadOnlyList<string> _ids = [];

    private HttpClient _client = default!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _client = _app.CreateBrowserLikeClient();
        _token = await _app.Services.GetRequiredService<ReceiverToken>().GetOrCreateAsync();
        var list = await _app.Services.GetRequiredService<IPilotStatusClient>().ListNumbersAsync();
        _ids = list.Value!.Numbers.Select(n => n.Id).ToList();
    }

    /// <summary>The id of one of the tenant's real numbers: events for numbers that do not exist are dropped.</summary>
    private string N(int index) => _ids[index];

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private WebhookInbox Inbox => _app.Services.GetRequiredService<WebhookInbox>();

    private NumberStateBook States => _app.Services.GetRequiredService<NumberStateBook>();

    [Fact]
    public async Task A_number_event_updates_the_shared_state_and_is_recorded_in_the_timeline()
    {
        var response = await PostAsync(Event("number.connected", N(1), "2026-11-23T10:00:00Z"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually(() => Inbox.Counters.Processed == 1);
        Assert.True(States.Get(N(1))!.State.IsOpen);
        await Eventually(async () => await TimelineCountAsync(N(1)) == 1);
        await using var db = await Database().CreateDbContextAsync();
        var entry = await db.NumberStatusChanges.SingleAsync(c => c.NumberId == N(1));
        Assert.Equal(("OPEN", Dashboard.Core.Numbers.StatusChangeSource.Event, "number.connected"), (entry.ToState, entry.Source, entry.Detail));
    }

    [Fact]
    public async Task A_retried_delivery_is_answered_200_and_processed_once()
    {
        var body = Event("number.disconnected", N(2), "2026-11-23T10:00:00Z");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually(() => Inbox.Counters.Processed == 1);
        Assert.Equal((1, 4), ((int)Inbox.Counters.Accepted, (int)Inbox.Counters.Duplicates));
        await Eventually(async () => await TimelineCountAsync(N(2)) == 1);
    }

    [Fact]
    public async Task The_same_number_connecting_again_later_is_a_new_event_not_a_duplicate()
    {
        await PostAsync(Event("number.connected", N(3), "2026-11-23T10:00:00Z"));
        await PostAsync(Event("number.disconnected", N(3), "2026-11-23T10:05:00Z"));
        await PostAsync(Event("number.connected", N(3), "2026-11-23T10:10:00Z"));

        await Eventually(() => Inbox.Counters.Processed == 3);
        Assert.True(States.Get(N(3))!.State.IsOpen);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task A_wrong_token_is_404_and_nothing_is_read(string token)
    {
        var response = await _client.PostAsync($"/hooks/pilot-status/{token}x", Json(Event("number.connected", N(4), "2026-11-23T10:00:00Z")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, Inbox.Counters.Accepted + Inbox.Counters.Malformed);
        Assert.Null(States.Get(N(4)));
    }

    [Fact]
    public async Task A_token_differing_only_in_its_last_character_is_404()
    {
        var almost = _token[..^1] + (_token[^1] == 'A' ? 'B' : 'A');

        var response = await _client.PostAsync($"/hooks/pilot-status/{almost}", Json(Event("number.connected", N(5), "2026-11-23T10:00:00Z")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"data\":{\"id\":\"x\"}}")]
    [InlineData("{\"event\":\"number.connected\",\"data\":\"num_6\"}")]
    [InlineData("")]
    public async Task A_malformed_body_is_400_counted_and_changes_nothing(string body)
    {
        var response = await _client.PostAsync($"/hooks/pilot-status/{_token}", Signed(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((1, 0), (Inbox.Counters.Malformed, Inbox.Counters.Accepted));
        Assert.Null(States.Get(N(6)));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_changes_nothing()
    {
        var padding = new string('x', 5000);
        var body = $$$"""{"event":"number.connected","data":{"id":"num_7","numberId":"num_7","padding":"{{{padding}}}"}}""";

        var response = await _client.PostAsync($"/hooks/pilot-status/{_token}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((1, 0), (Inbox.Counters.Oversized, Inbox.Counters.Accepted));
        Assert.Null(States.Get("num_7"));
    }

    [Fact]
    public async Task A_body_sent_in_chunks_without_a_length_is_still_cut_off_at_the_limit()
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"event":"number.connected","data":{"id":"num_8","padding":"{{{new string('x', 5000)}}}"}}""");
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/pilot-status/{_token}") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(States.Get("num_8"));
    }

    [Fact]
    public async Task A_signature_that_does_not_match_the_configured_secret_is_refused()
    {
        var body = Event("number.connected", N(9), "2026-11-23T10:00:00Z");
        var wrong = Json(body);
        wrong.Headers.Add("X-PilotStatus-Signature", "sha256=" + Convert.ToHexString(HMACSHA256.HashData("another secret"u8.ToArray(), Encoding.UTF8.GetBytes(body))));
        var right = Json(body);
        right.Headers.Add("X-PilotStatus-Signature", "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))).ToLowerInvariant());

        var refused = await _client.PostAsync($"/hooks/pilot-status/{_token}", wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, Inbox.Counters.Accepted);

        var accepted = await _client.PostAsync($"/hooks/pilot-status/{_token}", right);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task With_a_secret_set_a_delivery_without_a_signature_is_refused()
    {
        var response = await _client.PostAsync($"/hooks/pilot-status/{_token}", Json(Event("number.connected", N(11), "2026-11-23T10:00:00Z")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((0, 1), (Inbox.Counters.Accepted, Inbox.Counters.BadSignatures));
        Assert.Null(States.Get(N(11)));
    }

    [Fact]
    public async Task Events_for_numbers_that_do_not_exist_are_counted_and_dropped_without_timeline_rows()
    {
        var invented = Enumerable.Range(0, 50).Select(i => $"invented_{i}").ToList();

        foreach (var id in invented)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(Event("number.connected", id, "2026-11-23T10:00:00Z"))).StatusCode);
        }

        await PostAsync(Event("number.connected", N(12), "2026-11-23T10:00:00Z"));
        await Eventually(() => Inbox.Counters.Processed == 51);
        Assert.Equal(50, Inbox.Counters.UnknownNumbers);
        Assert.All(invented, id => Assert.Null(States.Get(id)));
        await Eventually(async () => await TimelineCountAsync(N(12)) == 1);
        await using var db = await Database().CreateDbContextAsync();
        Assert.Equal(0, await db.NumberStatusChanges.CountAsync(c => c.NumberId.StartsWith("invented_")));
    }

    [Fact]
    public async Task An_event_for_a_number_added_after_the_list_was_read_is_kept_after_one_fresh_read()
    {
        // Added upstream by someone else (the Pilot Status site, another instance): the shared list here does not know it yet.
        await _app.Services.GetRequiredService<IPilotStatusClient>().ListNumbersAsync();
        var endpoint = _app.Services.GetRequiredService<IPilotStatusEndpoint>();
        using var upstream = new HttpClient { BaseAddress = endpoint.BaseAddress };
        upstream.DefaultRequestHeaders.Add("x-api-key", endpoint.TenantApiKey);
        var created = await upstream.PostAsync("/v1/numbers", JsonContent.Create(new { name = "Added elsewhere", number = "+15550001234" }));
        Assert.True(created.IsSuccessStatusCode);
        using var createdJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = createdJson.RootElement.GetProperty("instance").GetProperty("id").GetString()!;

        await PostAsync(Event("number.connected", id, "2026-11-23T10:00:00Z"));

        await Eventually(() => Inbox.Counters.Processed == 1);
        Assert.Equal(0, Inbox.Counters.UnknownNumbers);
        Assert.NotNull(States.Get(id));
    }

    [Fact]
    public async Task A_burst_of_1000_events_is_processed_with_none_lost()
    {
        var bodies = Enumerable.Range(0, 1000).Select(i => Event(i % 2 == 0 ? "number.connected" : "number.disconnected", N(20 + i), "2026-11-23T10:00:00Z"));
        using var gate = new SemaphoreSlim(32);

        var responses = await Task.WhenAll(bodies.Select(async body =>
        {
            await gate.WaitAsync();
            try
            {
                return (await PostAsync(body)).StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        await Eventually(() => Inbox.Counters.Processed == 1000);
        Assert.Equal(1000, Enumerable.Range(0, 1000).Count(i => States.Get(N(20 + i)) is not null));
        await Eventually(async () =>
        {
            await using var db = await Database().CreateDbContextAsync();
            var burst = Enumerable.Range(20, 1000).Select(N).ToList();
            return await db.NumberStatusChanges.CountAsync(c => burst.Contains(c.NumberId)) == 1000;
        });
    }

    [Fact]
    public async Task Health_shows_the_receiver_counters()
    {
        await PostAsync(Event("number.connected", N(10), "2026-11-23T10:00:00Z"));
        await _client.PostAsync($"/hooks/pilot-status/{_token}", Signed("nope"));

        using var health = JsonDocument.Parse(await _client.GetStringAsync("/health"));
        var data = health.RootElement.GetProperty("checks").GetProperty("live-updates").GetProperty("data");
        Assert.Equal(1, data.GetProperty("accepted").GetInt64());
        Assert.Equal(1, data.GetProperty("malformed").GetInt64());
    }

    private static string Event(string name, string numberId, string createdAt) =>
        JsonSerializer.Serialize(new { @event = name, data = new { id = numberId, numberId, createdAt } });

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent Signed(string body)
    {
        var content = Json(body);
        content.Headers.Add("X-PilotStatus-Signature", "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))).ToLowerInvariant());
        return content;
    }

    private Task<HttpResponseMessage> PostAsync(string body) => _client.PostAsync($"/hooks/pilot-status/{_token}", Signed(body));

    private IDbContextFactory<DashboardDbContext> Database() => _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();

    private async Task<int> TimelineCountAsync(string numberId)
    {
        await using var db = await Database().CreateDbContextAsync();
        return await db.NumberStatusChanges.CountAsync(c => c.NumberId == numberId);
    }

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    /// <summary>Waits for background work to finish; the limit only stops a broken test from hanging, it is not the assertion.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not become true within 30 s.");
            await Task.Delay(20);
        }
    }
}
