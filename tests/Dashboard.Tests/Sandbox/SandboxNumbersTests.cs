using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

public sealed partial class SandboxNumbersTests : SandboxTestBase
{
    [Fact]
    public async Task The_seeded_fleet_covers_every_state_both_providers_and_eight_customers()
    {
        var list = (await GetJsonAsync("/v1/numbers")).EnumerateArray().ToList();

        Assert.Equal(40, list.Count);
        Assert.Equal(["CLOSE", "CONNECTING", "OPEN"], list.Select(n => n.GetProperty("state").GetString()).Distinct().Order());
        Assert.Equal(["META", "PILOT_STATUS"], list.Select(n => n.GetProperty("provider").GetString()).Distinct().Order());
        Assert.InRange(list.Count(n => n.GetProperty("provider").GetString() == "META"), 3, 10);
        Assert.Equal(8, list.Select(n => n.GetProperty("name").GetString()!.Split(" · ")[0]).Distinct().Count());
        Assert.All(list, n =>
        {
            Assert.Matches(BrazilianMobile(), n.GetProperty("number").GetString());
            Assert.StartsWith("cmm0", n.GetProperty("id").GetString());
            var key = n.GetProperty("apiKeys")[0];
            Assert.StartsWith("ps_", key.GetProperty("keyPrefix").GetString());
            Assert.Equal(4, key.GetProperty("keyLast4").GetString()!.Length);
            Assert.Matches(Timestamp(), n.GetProperty("createdAt").GetString());
        });
        Assert.Equal(list.Count, list.Select(n => n.GetProperty("number").GetString()).Distinct().Count());
        Assert.Single(State.GetNumbers(), n => n.RelayOnly);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_fleet_and_another_seed_a_different_one()
    {
        await using var twin = await SandboxServer.StartAsync(new SandboxOptions(), Clock);
        await using var other = await SandboxServer.StartAsync(new SandboxOptions { Seed = 7 }, Clock);

        Assert.Equal(State.GetNumbers().Select(n => (n.Id, n.Number, n.ApiKey)), twin.State.GetNumbers().Select(n => (n.Id, n.Number, n.ApiKey)));
        Assert.NotEqual(State.GetNumbers().Select(n => n.Id), other.State.GetNumbers().Select(n => n.Id));
    }

    [Fact]
    public async Task A_QR_number_has_a_health_block_and_meta_null()
    {
        var number = OpenQrNumber();

        var detail = await GetJsonAsync($"/v1/numbers/{number.Id}");

        Assert.Equal("PILOT_STATUS", detail.GetProperty("provider").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("meta").ValueKind);
        Assert.True(detail.GetProperty("health").GetProperty("sendable").GetBoolean());
        Assert.Equal("OPEN", detail.GetProperty("state").GetString());
        Assert.True(detail.GetProperty("isFullyConnected").GetBoolean());
    }

    [Fact]
    public async Task A_Meta_number_has_health_and_meta_blocks_and_refresh_updates_the_snapshot()
    {
        var number = Seeded(n => n.Provider == NumberProvider.Meta && n.State == ConnectionState.Open);

        var cached = await GetJsonAsync($"/v1/numbers/{number.Id}");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var cachedAgain = await GetJsonAsync($"/v1/numbers/{number.Id}");
        var refreshed = await GetJsonAsync($"/v1/numbers/{number.Id}?refresh=1");

        Assert.Equal("META", cached.GetProperty("provider").GetString());
        var health = cached.GetProperty("health");
        Assert.Equal("GREEN", health.GetProperty("qualityRating").GetString());
        Assert.StartsWith("TIER_", health.GetProperty("messagingLimitTier").GetString());
        Assert.Equal("CONNECTED", health.GetProperty("metaStatus").GetString());
        Assert.True(health.GetProperty("sendable").GetBoolean());
        var meta = cached.GetProperty("meta");
        Assert.StartsWith("+55 ", meta.GetProperty("phone").GetProperty("displayPhoneNumber").GetString());
        Assert.False(string.IsNullOrEmpty(meta.GetProperty("phone").GetProperty("verifiedName").GetString()));
        Assert.NotEmpty(meta.GetProperty("profile").GetProperty("websites").EnumerateArray());
        Assert.Equal("BRL", meta.GetProperty("waba").GetProperty("currency").GetString());
        Assert.Equal(meta.GetProperty("fetchedAt").GetString(), cachedAgain.GetProperty("meta").GetProperty("fetchedAt").GetString());
        Assert.Equal(Clock.GetUtcNow(), refreshed.GetProperty("meta").GetProperty("fetchedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_unhealthy_Meta_number_is_OPEN_but_not_fully_connected()
    {
        var unhealthy = new List<JsonElement>();
        foreach (var meta in State.GetNumbers().Where(n => n.Provider == NumberProvider.Meta && n.State == ConnectionState.Open))
        {
            var detail = await GetJsonAsync($"/v1/numbers/{meta.Id}");
            if (!detail.GetProperty("health").GetProperty("sendable").GetBoolean())
            {
                unhealthy.Add(detail);
            }
        }

        var flagged = Assert.Single(unhealthy);
        Assert.Equal("RED", flagged.GetProperty("health").GetProperty("qualityRating").GetString());
        var status = await GetJsonAsync($"/v1/numbers/{flagged.GetProperty("id").GetString()}/status");
        Assert.Equal("OPEN", status.GetProperty("state").GetString());
        Assert.False(status.GetProperty("isFullyConnected").GetBoolean());
    }

    [Fact]
    public async Task Meta_numbers_have_no_QR_flow()
    {
        var meta = Seeded(n => n.Provider == NumberProvider.Meta);

        using var connect = await GetAsync($"/v1/numbers/{meta.Id}/connect");
        using var code = await GetAsync($"/sandbox/numbers/{meta.Id}/current-code");
        using var scan = await ScanAsync(meta.Id, "ABCD-2345");

        await AssertErrorAsync(connect, HttpStatusCode.BadRequest, "NOT_SUPPORTED_FOR_META");
        await AssertErrorAsync(code, HttpStatusCode.BadRequest, "NOT_SUPPORTED_FOR_META");
        await AssertErrorAsync(scan, HttpStatusCode.BadRequest, "NOT_SUPPORTED_FOR_META");
    }

    [Fact]
    public async Task The_list_lags_the_live_status_by_the_configured_lag()
    {
        var number = Seeded(n => n.State == ConnectionState.Connecting);
        Clock.Advance(Options.ListStateLag);
        Assert.Equal("CONNECTING", ListedState(await GetJsonAsync("/v1/numbers"), number.Id));

        var scannedAt = Clock.GetUtcNow();
        Assert.Equal(ScanResult.Connected, State.ScanCurrentCode(number.Id));

        Assert.Equal("OPEN", await LiveStateAsync(number.Id));
        var listed = ListedItem(await GetJsonAsync("/v1/numbers"), number.Id);
        Assert.Equal("CONNECTING", listed.GetProperty("state").GetString());
        Assert.False(listed.GetProperty("isFullyConnected").GetBoolean());
        Assert.True(listed.GetProperty("updatedAt").GetDateTimeOffset() < scannedAt);

        Clock.Advance(Options.ListStateLag - TimeSpan.FromSeconds(1));
        Assert.Equal("CONNECTING", ListedState(await GetJsonAsync("/v1/numbers"), number.Id));
        Clock.Advance(TimeSpan.FromSeconds(1));
        listed = ListedItem(await GetJsonAsync("/v1/numbers"), number.Id);
        Assert.Equal("OPEN", listed.GetProperty("state").GetString());
        Assert.True(listed.GetProperty("isFullyConnected").GetBoolean());
        Assert.Equal(scannedAt, listed.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Reset_brings_back_the_seeded_fleet()
    {
        var seeded = State.GetNumbers().Select(n => n.Id).ToList();
        var created = await CreateNumberAsync();
        await SendAsync(HttpMethod.Delete, $"/v1/numbers/{seeded[0]}");

        using var reset = await SendAsync(HttpMethod.Post, "/sandbox/reset");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(seeded, State.GetNumbers().Select(n => n.Id));
        Assert.Null(State.FindNumber(created));
    }

    [Fact]
    public async Task A_benchmark_sized_fleet_lists_ten_thousand_distinct_numbers()
    {
        // How fast this is belongs to the benchmark (bench.sh), not to a timed assertion here.
        await using var big = await SandboxServer.StartAsync(new SandboxOptions { FleetSize = 10_000 }, Clock);
        using var http = new HttpClient { BaseAddress = big.BaseAddress };
        http.DefaultRequestHeaders.Add("x-api-key", big.State.TenantApiKey);

        using var response = await http.GetAsync("v1/numbers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ids = document.RootElement.EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(10_000, ids.Count);
        Assert.Equal(10_000, ids.Distinct().Count());
    }

    private static JsonElement ListedItem(JsonElement list, string id) => list.EnumerateArray().Single(n => n.GetProperty("id").GetString() == id);

    private static string? ListedState(JsonElement list, string id) => ListedItem(list, id).GetProperty("state").GetString();

    [GeneratedRegex(@"^55\d{2}9\d{8}$")]
    private static partial Regex BrazilianMobile();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Timestamp();
}
