using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

/// <summary>CLOSE → CONNECTING → OPEN, code rotation and expiry, on a fake clock (first code 60 s, later ones 20 s, 6 per attempt).</summary>
public sealed partial class SandboxConnectionTests : SandboxTestBase
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Creating_a_number_returns_a_real_QR_and_a_pairing_code_and_starts_connecting()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/numbers", body: new { name = "Loja Nova · Vendas", number = "+5511987654321", linkToApiKey = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var instance = body.GetProperty("instance");
        Assert.Equal("5511987654321", instance.GetProperty("number").GetString());
        Assert.Equal("Loja Nova · Vendas", instance.GetProperty("name").GetString());
        Assert.Equal("CONNECTING", instance.GetProperty("state").GetString());
        Assert.Equal("PILOT_STATUS", instance.GetProperty("provider").GetString());
        Assert.False(string.IsNullOrEmpty(instance.GetProperty("instanceName").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("linkedApiKeyId").ValueKind);
        AssertPng(body.GetProperty("qrcodeBase64").GetString()!);
        Assert.Matches(PairingCodePattern(), body.GetProperty("pairingCode").GetString()!);

        var id = instance.GetProperty("id").GetString()!;
        Assert.Equal("CONNECTING", await LiveStateAsync(id));
        var code = State.GetConnection(id)!.CurrentCode!;
        Assert.Equal(1, code.Sequence);
        Assert.Equal(body.GetProperty("pairingCode").GetString(), code.PairingCode);
    }

    [Theory]
    [InlineData(null, "+5511987654321")]
    [InlineData("   ", "+5511987654321")]
    [InlineData("Loja", null)]
    [InlineData("Loja", "12345")]
    [InlineData("Loja", "+55 11 98765-4321")]
    [InlineData("Loja", "abc5511987654321")]
    public async Task Creating_a_number_validates_name_and_number(string? name, string? number)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/numbers", body: new { name, number });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(40, State.GetNumbers().Count);
    }

    [Fact]
    public async Task Creating_the_same_number_twice_conflicts()
    {
        await CreateNumberAsync(number: "5511987654321");

        using var again = await SendAsync(HttpMethod.Post, "/v1/numbers", body: new { name = "Outra", number = "+5511987654321" });

        await AssertErrorAsync(again, HttpStatusCode.Conflict, "NUMBER_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Scanning_the_current_code_opens_the_number_and_connect_then_conflicts()
    {
        var id = await CreateNumberAsync();
        var code = await CurrentCodeAsync(id);

        using var scan = await ScanAsync(id, code.GetProperty("qrToken").GetString()!);

        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal("OPEN", (await JsonAsync(scan)).GetProperty("state").GetString());
        var status = await GetJsonAsync($"/v1/numbers/{id}/status");
        Assert.Equal("OPEN", status.GetProperty("state").GetString());
        Assert.True(status.GetProperty("isFullyConnected").GetBoolean());
        Assert.Equal(id, status.GetProperty("id").GetString());

        using var connect = await GetAsync($"/v1/numbers/{id}/connect");
        await AssertErrorAsync(connect, HttpStatusCode.Conflict, "ALREADY_CONNECTED");
        using var scanAgain = await ScanAsync(id, code.GetProperty("qrToken").GetString()!);
        await AssertErrorAsync(scanAgain, HttpStatusCode.Conflict, "ALREADY_CONNECTED");
    }

    [Fact]
    public async Task Each_connect_call_issues_the_next_code_and_the_previous_one_goes_stale()
    {
        var id = await CreateNumberAsync();
        var first = State.GetConnection(id)!.CurrentCode!;

        var connect = await GetJsonAsync($"/v1/numbers/{id}/connect");

        var second = State.GetConnection(id)!.CurrentCode!;
        Assert.Equal(2, second.Sequence);
        Assert.NotEqual(first.QrToken, second.QrToken);
        Assert.NotEqual(first.PairingCode, second.PairingCode);
        Assert.Equal(second.PairingCode, connect.GetProperty("pairingCode").GetString());
        AssertPng(connect.GetProperty("qrcodeBase64").GetString()!);

        using var stale = await ScanAsync(id, first.PairingCode);
        await AssertErrorAsync(stale, HttpStatusCode.Conflict, "CODE_SUPERSEDED");
        Assert.Equal("CONNECTING", await LiveStateAsync(id));

        // A person types the pairing code: case and dash do not matter.
        using var current = await ScanAsync(id, second.PairingCode.Replace("-", string.Empty).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("OPEN", await LiveStateAsync(id));
    }

    [Fact]
    public async Task Unknown_codes_are_rejected()
    {
        var id = await CreateNumberAsync();

        using var unknown = await ScanAsync(id, "ZZZZ-9999");
        using var empty = await SendAsync(HttpMethod.Post, $"/sandbox/numbers/{id}/scan", body: new { code = "" });

        await AssertErrorAsync(unknown, HttpStatusCode.BadRequest, "INVALID_CODE");
        await AssertErrorAsync(empty, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(ConnectionState.Connecting, State.GetConnection(id)!.State);
    }

    [Fact]
    public async Task The_first_code_expires_after_its_lifetime_and_later_codes_after_the_shorter_one()
    {
        var id = await CreateNumberAsync();
        var first = State.GetConnection(id)!.CurrentCode!;
        Assert.Equal(Start + Options.FirstCodeLifetime, first.ExpiresAt);

        Clock.Advance(Options.FirstCodeLifetime - TimeSpan.FromSeconds(1));
        Assert.False((await CurrentCodeAsync(id)).GetProperty("expired").GetBoolean());
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await CurrentCodeAsync(id)).GetProperty("expired").GetBoolean());

        using var expired = await ScanAsync(id, first.QrToken);
        await AssertErrorAsync(expired, HttpStatusCode.Conflict, "CODE_EXPIRED");
        Assert.Equal("CONNECTING", await LiveStateAsync(id));

        await GetJsonAsync($"/v1/numbers/{id}/connect");
        var second = State.GetConnection(id)!.CurrentCode!;
        Assert.Equal(Clock.GetUtcNow() + Options.NextCodeLifetime, second.ExpiresAt);

        Clock.Advance(Options.NextCodeLifetime);
        Assert.Equal(ScanResult.CodeExpired, State.Scan(id, second.QrToken));
    }

    [Fact]
    public async Task An_attempt_fails_back_to_CLOSE_once_its_last_code_expires_and_connect_starts_a_new_one()
    {
        var id = await CreateNumberAsync();
        for (var i = 2; i <= Options.MaxCodesPerAttempt; i++)
        {
            await GetJsonAsync($"/v1/numbers/{id}/connect");
        }

        var connection = State.GetConnection(id)!;
        Assert.Equal(Options.MaxCodesPerAttempt, connection.CodesIssued);
        Assert.Equal(connection.CurrentCode!.ExpiresAt, connection.AttemptEndsAt);

        Clock.Advance(Options.NextCodeLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal("CONNECTING", await LiveStateAsync(id));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("CLOSE", await LiveStateAsync(id));

        connection = State.GetConnection(id)!;
        Assert.Equal(1, connection.AttemptsFailed);
        Assert.Null(connection.CurrentCode);
        using var noAttempt = await GetAsync($"/sandbox/numbers/{id}/current-code");
        await AssertErrorAsync(noAttempt, HttpStatusCode.Conflict, "NO_CONNECTION_ATTEMPT");

        await GetJsonAsync($"/v1/numbers/{id}/connect");
        connection = State.GetConnection(id)!;
        Assert.Equal(ConnectionState.Connecting, connection.State);
        Assert.Equal(2, connection.AttemptsStarted);
        Assert.Equal(1, connection.CurrentCode!.Sequence);
        Assert.Equal(Clock.GetUtcNow() + Options.FirstCodeLifetime, connection.CurrentCode.ExpiresAt);
    }

    [Fact]
    public async Task Connect_after_the_last_code_of_an_attempt_starts_a_new_attempt()
    {
        var id = await CreateNumberAsync();
        for (var i = 2; i <= Options.MaxCodesPerAttempt; i++)
        {
            await GetJsonAsync($"/v1/numbers/{id}/connect");
        }

        await GetJsonAsync($"/v1/numbers/{id}/connect");

        var connection = State.GetConnection(id)!;
        Assert.Equal(2, connection.AttemptsStarted);
        Assert.Equal(0, connection.AttemptsFailed);
        Assert.Equal(1, connection.CurrentCode!.Sequence);
    }

    [Fact]
    public async Task An_attempt_nobody_refreshes_ends_at_its_deadline()
    {
        var id = await CreateNumberAsync();
        var deadline = Options.FirstCodeLifetime + (Options.NextCodeLifetime * (Options.MaxCodesPerAttempt - 1));
        Assert.Equal(Start + deadline, State.GetConnection(id)!.AttemptEndsAt);

        Clock.Advance(deadline - TimeSpan.FromSeconds(1));
        Assert.Equal("CONNECTING", await LiveStateAsync(id));

        // A code issued near the deadline is cut short: it never outlives its attempt.
        await GetJsonAsync($"/v1/numbers/{id}/connect");
        Assert.Equal(Start + deadline, State.GetConnection(id)!.CurrentCode!.ExpiresAt);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("CLOSE", await LiveStateAsync(id));
    }

    [Fact]
    public async Task Disconnect_returns_to_CLOSE_and_connect_reconnects()
    {
        var number = OpenQrNumber();

        using var disconnect = await SendAsync(HttpMethod.Post, $"/sandbox/numbers/{number.Id}/disconnect");
        Assert.Equal(HttpStatusCode.OK, disconnect.StatusCode);
        Assert.Equal("CLOSE", await LiveStateAsync(number.Id));

        using var scan = await ScanAsync(number.Id, "ABCD-2345");
        await AssertErrorAsync(scan, HttpStatusCode.Conflict, "NO_CONNECTION_ATTEMPT");

        await GetJsonAsync($"/v1/numbers/{number.Id}/connect");
        Assert.Equal("CONNECTING", await LiveStateAsync(number.Id));
        Assert.Equal(ScanResult.Connected, State.ScanCurrentCode(number.Id));
        Assert.Equal("OPEN", await LiveStateAsync(number.Id));
    }

    [Fact]
    public async Task A_closed_seeded_number_connects_with_a_fresh_attempt()
    {
        var number = ClosedQrNumber();
        Assert.Equal(ScanResult.NoAttempt, State.ScanCurrentCode(number.Id));

        var connect = await GetJsonAsync($"/v1/numbers/{number.Id}/connect");

        Assert.Equal(State.GetConnection(number.Id)!.CurrentCode!.PairingCode, connect.GetProperty("pairingCode").GetString());
        Assert.Equal("CONNECTING", await LiveStateAsync(number.Id));
    }

    [Fact]
    public async Task Deleting_a_number_removes_it_everywhere()
    {
        var id = await CreateNumberAsync();

        using var delete = await SendAsync(HttpMethod.Delete, $"/v1/numbers/{id}");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.True((await JsonAsync(delete)).GetProperty("ok").GetBoolean());
        using var get = await GetAsync($"/v1/numbers/{id}");
        using var status = await GetAsync($"/v1/numbers/{id}/status");
        using var again = await SendAsync(HttpMethod.Delete, $"/v1/numbers/{id}");
        await AssertErrorAsync(get, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
        await AssertErrorAsync(status, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
        await AssertErrorAsync(again, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
        var list = await GetJsonAsync("/v1/numbers");
        Assert.DoesNotContain(list.EnumerateArray(), n => n.GetProperty("id").GetString() == id);
        Assert.Null(State.FindNumber(id));
    }

    [Fact]
    public async Task Remote_pairing_creates_a_CLOSE_number_without_a_QR()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/numbers/remote-pairing", body: new { name = "Cliente João", number = "+5511999998888" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var instance = body.GetProperty("instance");
        Assert.Equal("CLOSE", instance.GetProperty("state").GetString());
        Assert.Equal("Cliente João", instance.GetProperty("name").GetString());
        Assert.Equal("+551199****8888", body.GetProperty("maskedNumber").GetString());
        Assert.False(body.GetProperty("messageSent").GetBoolean());
        Assert.StartsWith("https://", body.GetProperty("remotePairingUrl").GetString());
        Assert.False(body.TryGetProperty("qrcodeBase64", out _));

        var id = instance.GetProperty("id").GetString()!;
        Assert.Equal("CLOSE", await LiveStateAsync(id));
        using var code = await GetAsync($"/sandbox/numbers/{id}/current-code");
        await AssertErrorAsync(code, HttpStatusCode.Conflict, "NO_CONNECTION_ATTEMPT");
    }

    [Fact]
    public async Task Remote_pairing_by_WhatsApp_reports_the_missing_template()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/numbers/remote-pairing", body: new { name = "Cliente", number = "5511999997777", sendViaWhatsApp = true });

        var body = await JsonAsync(response);
        Assert.False(body.GetProperty("messageSent").GetBoolean());
        Assert.Contains("pilot_status_remote_pairing", body.GetProperty("messageError").GetString());
    }

    [Fact]
    public async Task The_current_code_endpoint_reports_the_code_a_scan_needs()
    {
        var id = await CreateNumberAsync();

        var code = await CurrentCodeAsync(id);

        var expected = State.GetConnection(id)!.CurrentCode!;
        Assert.Equal(expected.QrToken, code.GetProperty("qrToken").GetString());
        Assert.Equal(expected.PairingCode, code.GetProperty("pairingCode").GetString());
        Assert.Equal(1, code.GetProperty("codeNumber").GetInt32());
        Assert.Equal(Options.MaxCodesPerAttempt, code.GetProperty("maxCodesPerAttempt").GetInt32());
        Assert.Equal(1, code.GetProperty("attempt").GetInt32());
    }

    private async Task<JsonElement> CurrentCodeAsync(string id) => await GetJsonAsync($"/sandbox/numbers/{id}/current-code");

    private static void AssertPng(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUri);
        var bytes = Convert.FromBase64String(dataUri[prefix.Length..]);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.True(bytes.Length > 100);
    }

    [GeneratedRegex("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")]
    private static partial Regex PairingCodePattern();
}
