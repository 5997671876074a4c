using System.Net;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

public sealed class SandboxAuthTests : SandboxTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("ps_not_a_real_key")]
    public async Task Missing_or_unknown_keys_get_401_with_an_error_and_no_code(string? key)
    {
        using var response = await GetAsync("/v1/numbers", key);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task The_other_tenant_sees_only_its_own_numbers_and_gets_404_for_ours()
    {
        var ours = OpenQrNumber().Id;
        var theirs = State.GetNumbers(SandboxTenant.Other);

        var list = await GetJsonAsync("/v1/numbers", State.OtherTenantApiKey);

        Assert.Equal(theirs.Select(n => n.Id).Order(), list.EnumerateArray().Select(n => n.GetProperty("id").GetString()).Order());
        foreach (var path in new[] { $"/v1/numbers/{ours}", $"/v1/numbers/{ours}/status", $"/v1/numbers/{ours}/connect" })
        {
            using var response = await GetAsync(path, State.OtherTenantApiKey);
            await AssertErrorAsync(response, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
        }

        using var delete = await SendAsync(HttpMethod.Delete, $"/v1/numbers/{ours}", State.OtherTenantApiKey);
        await AssertErrorAsync(delete, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
        Assert.NotNull(State.FindNumber(ours));
    }

    [Fact]
    public async Task A_number_key_is_refused_on_tenant_endpoints()
    {
        var numberKey = OpenQrNumber().ApiKey;

        using var apiKeys = await GetAsync("/v1/api-keys", numberKey);
        using var numbers = await GetAsync("/v1/numbers", numberKey);
        using var control = await GetAsync("/sandbox/requests", numberKey);

        await AssertErrorAsync(apiKeys, HttpStatusCode.Forbidden, "NUMBER_SCOPE_NOT_ALLOWED");
        await AssertErrorAsync(numbers, HttpStatusCode.Forbidden, "NUMBER_SCOPE_NOT_ALLOWED");
        await AssertErrorAsync(control, HttpStatusCode.Forbidden, "NUMBER_SCOPE_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("/v1/messages/history")]
    [InlineData("/v1/conversations")]
    [InlineData("/v1/analytics/dashboard")]
    public async Task The_tenant_key_needs_the_number_header_on_per_number_endpoints(string path)
    {
        var number = OpenQrNumber();
        var foreign = State.GetNumbers(SandboxTenant.Other)[0].Id;

        using var withoutHeader = await GetAsync(path);
        using var withHeader = await GetAsync(path, numberId: number.Id);
        using var foreignHeader = await GetAsync(path, numberId: foreign);
        using var unknownHeader = await GetAsync(path, numberId: "cmm0doesnotexist");

        await AssertErrorAsync(withoutHeader, HttpStatusCode.Forbidden, "TENANT_SCOPE_NOT_ALLOWED");
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        await AssertErrorAsync(foreignHeader, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
        await AssertErrorAsync(unknownHeader, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
    }

    [Fact]
    public async Task The_older_docs_switch_refuses_the_tenant_key_even_with_the_header_but_number_keys_still_work()
    {
        var number = OpenQrNumber();

        using var put = await SendAsync(HttpMethod.Put, "/sandbox/settings", body: new { refuseTenantKeyOnPerNumberEndpoints = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(State.RefuseTenantKeyOnPerNumberEndpoints);

        using var tenant = await GetAsync("/v1/messages/history", numberId: number.Id);
        using var numberKey = await GetAsync("/v1/messages/history", number.ApiKey);

        await AssertErrorAsync(tenant, HttpStatusCode.Forbidden, "TENANT_SCOPE_NOT_ALLOWED");
        Assert.Equal(HttpStatusCode.OK, numberKey.StatusCode);

        State.RefuseTenantKeyOnPerNumberEndpoints = false;
        using var again = await GetAsync("/v1/messages/history", numberId: number.Id);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_number_key_ignores_the_header_and_reads_its_own_number()
    {
        var own = OpenQrNumber();
        var other = State.GetNumbers().First(n => n.Id != own.Id && !n.RelayOnly);

        var viaHeader = await GetJsonAsync("/v1/conversations", own.ApiKey, numberId: other.Id);
        var ownData = await GetJsonAsync("/v1/conversations", numberId: own.Id);
        var otherData = await GetJsonAsync("/v1/conversations", numberId: other.Id);

        Assert.Equal(ownData.ToString(), viaHeader.ToString());
        Assert.NotEqual(otherData.ToString(), viaHeader.ToString());
    }

    [Fact]
    public async Task The_key_id_header_authenticates_like_the_key()
    {
        var number = OpenQrNumber();
        var request = new HttpRequestMessage(HttpMethod.Get, "v1/conversations");
        request.Headers.Add("x-api-key-id", number.ApiKeyId);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_keys_lists_each_number_with_its_usable_key_and_hides_legacy_keys()
    {
        var keys = await GetJsonAsync("/v1/api-keys");

        var items = keys.EnumerateArray().ToList();
        Assert.Equal(State.GetNumbers().Count, items.Count);
        var legacy = items.Where(i => !i.GetProperty("revealable").GetBoolean()).ToList();
        Assert.NotEmpty(legacy);
        Assert.All(legacy, i => Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("key").ValueKind));

        var revealed = items.First(i => i.GetProperty("revealable").GetBoolean());
        var key = revealed.GetProperty("key").GetString()!;
        Assert.StartsWith("ps_", key);
        Assert.EndsWith(revealed.GetProperty("keyLast4").GetString()!, key);
        using var withRevealedKey = await GetAsync("/v1/messages/history", key);
        Assert.Equal(HttpStatusCode.OK, withRevealedKey.StatusCode);
    }

    [Fact]
    public async Task Regenerating_a_key_revokes_the_old_one()
    {
        var legacy = Seeded(n => !n.KeyRevealable);

        using var response = await SendAsync(HttpMethod.Post, "/v1/api-keys", body: new { whatsappNumberId = legacy.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var newKey = body.GetProperty("key").GetString()!;
        Assert.Equal("number", body.GetProperty("scope").GetString());
        Assert.Equal(legacy.Id, body.GetProperty("whatsappNumberId").GetString());
        using var old = await GetAsync("/v1/conversations", legacy.ApiKey);
        using var fresh = await GetAsync("/v1/conversations", newKey);
        await AssertErrorAsync(old, HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.True(State.FindNumber(legacy.Id)!.KeyRevealable);
    }

    [Fact]
    public async Task A_deleted_numbers_key_stops_working()
    {
        var number = OpenQrNumber();

        using var delete = await SendAsync(HttpMethod.Delete, $"/v1/numbers/{number.Id}");
        using var after = await GetAsync("/v1/conversations", number.ApiKey);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        await AssertErrorAsync(after, HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task Control_endpoints_need_a_key_too()
    {
        using var response = await GetAsync("/sandbox/faults", key: null);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, null);
    }
}
