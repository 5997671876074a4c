using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using ConnectionState = PilotStatus.Sandbox.ConnectionState;
using QrCodeImage = PilotStatus.Sandbox.QrCodeImage;
using SandboxProvider = PilotStatus.Sandbox.NumberProvider;
using ScanResult = PilotStatus.Sandbox.ScanResult;

namespace Dashboard.Tests.Contract;

/// <summary>The number endpoints, through the real client against the sandbox: what a page shows and what an operator does.</summary>
public sealed class NumberContractTests : ContractTestBase
{
    [Fact]
    public async Task The_list_has_every_number_of_the_tenant_with_its_listed_state()
    {
        var api = await StartAsync();
        var seeded = api.State.GetNumbers();

        var list = (await api.Client.ListNumbersAsync()).Value!;

        Assert.Equal(seeded.Select(n => n.Id).Order(), list.Numbers.Select(n => n.Id).Order());
        Assert.DoesNotContain(list.Numbers, n => n.Id == api.OtherTenantNumber().Id);
        var open = api.OpenQrNumber();
        var listed = list.Numbers.Single(n => n.Id == open.Id);
        Assert.Equal((open.Name, "+" + open.Number, "OPEN", true, true), (listed.Name, listed.Phone, listed.State.Value, listed.Ready, listed.Provider.IsPilotStatus));
        Assert.True(list.Numbers.Single(n => n.Id == api.HealthyMetaNumber().Id).Provider.IsMeta);
        var hint = Assert.Single(listed.ApiKeys).Hint;
        Assert.Equal($"{open.ApiKey[..7]}…{open.ApiKey[^4..]}", hint);
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers"));
    }

    [Fact]
    public async Task The_detail_of_a_QR_number_has_no_meta_block()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();

        var detail = (await api.Client.GetNumberAsync(open.Id)).Value!;

        Assert.Equal((open.Id, open.Name, "+" + open.Number), (detail.Number.Id, detail.Number.Name, detail.Number.Phone));
        Assert.True(detail.Number.State.IsOpen);
        Assert.True(detail.Number.Ready);
        Assert.Null(detail.Meta);
    }

    [Fact]
    public async Task The_detail_of_a_Meta_number_has_its_health_and_meta_blocks()
    {
        var api = await StartAsync();
        var meta = api.HealthyMetaNumber();

        var detail = (await api.Client.GetNumberAsync(meta.Id)).Value!;

        Assert.True(detail.Number.Provider.IsMeta);
        Assert.Equal(new NumberHealth("GREEN", "TIER_2K", "CONNECTED", true), detail.Health);
        var snapshot = Assert.IsType<MetaSnapshot>(detail.Meta);
        Assert.NotNull(snapshot.FetchedAt);
        Assert.Equal("GREEN", snapshot.Phone!.QualityRating);
        Assert.False(string.IsNullOrWhiteSpace(snapshot.Phone.VerifiedName));
        Assert.EndsWith(meta.Number[^4..], snapshot.Phone.DisplayPhoneNumber!.Replace("-", ""));
        Assert.NotEmpty(snapshot.Profile!.Websites);
        Assert.False(string.IsNullOrWhiteSpace(snapshot.Waba!.Id));
    }

    [Fact]
    public async Task Refreshing_from_Meta_moves_the_snapshot_time_and_a_plain_read_does_not()
    {
        var api = await StartAsync();
        var meta = api.HealthyMetaNumber();
        var before = (await api.Client.GetNumberAsync(meta.Id)).Value!.Meta!.FetchedAt;
        api.SandboxClock.Advance(TimeSpan.FromMinutes(5));

        var plain = (await api.Client.GetNumberAsync(meta.Id)).Value!.Meta!.FetchedAt;
        var refreshed = (await api.Client.GetNumberAsync(meta.Id, refreshFromMeta: true)).Value!.Meta!.FetchedAt;

        Assert.Equal(before, plain);
        Assert.True(before < api.SandboxClock.GetUtcNow());
        Assert.Equal(api.SandboxClock.GetUtcNow(), refreshed);
    }

    [Fact]
    public async Task Creating_a_number_returns_its_id_a_QR_image_and_the_pairing_code_the_phone_needs()
    {
        var api = await StartAsync();
        var countBefore = api.State.GetNumbers().Count;

        // Typed the way people type it; the client sends E.164.
        var created = (await api.Client.CreateNumberAsync(new NewNumber(" Loja Nova · Vendas ", "+55 (11) 98765-4321"))).Value!;

        var stored = api.State.FindNumber(created.Id)!;
        Assert.Equal(("Loja Nova · Vendas", "5511987654321", ConnectionState.Connecting), (stored.Name, stored.Number, stored.State));
        Assert.Equal(countBefore + 1, api.State.GetNumbers().Count);
        Assert.Equal(("Loja Nova · Vendas", "+5511987654321"), (created.Name, created.Phone));
        Assert.True(created.State.IsConnecting);
        Assert.False(string.IsNullOrWhiteSpace(created.InstanceName));
        Assert.Null(created.LinkedApiKeyId);
        var current = api.State.GetConnection(created.Id)!.CurrentCode!;
        Assert.Equal(QrCodeImage.ToDataUri(current.QrToken), created.Connect.QrDataUri);
        Assert.StartsWith("data:image/png;base64,", created.Connect.QrDataUri);
        Assert.Equal(current.PairingCode, created.Connect.PairingCode);
        Assert.Equal(1, api.Requests.Get("POST /v1/numbers"));
    }

    [Fact]
    public async Task Connecting_gives_a_fresh_code_each_call_and_only_the_latest_one_pairs()
    {
        var api = await StartAsync();
        var closed = api.ClosedQrNumber();

        var first = (await api.Client.ConnectNumberAsync(closed.Id)).Value!;
        var second = (await api.Client.ConnectNumberAsync(closed.Id)).Value!;

        Assert.NotEqual(first.PairingCode, second.PairingCode);
        Assert.NotEqual(first.QrDataUri, second.QrDataUri);
        var current = api.State.GetConnection(closed.Id)!.CurrentCode!;
        Assert.Equal((current.PairingCode, QrCodeImage.ToDataUri(current.QrToken)), (second.PairingCode, second.QrDataUri));
        Assert.Equal(ScanResult.CodeSuperseded, api.State.Scan(closed.Id, first.PairingCode!));
        Assert.Equal(ScanResult.Connected, api.State.Scan(closed.Id, second.PairingCode!));
        Assert.True((await api.Client.GetLiveStatusAsync(closed.Id)).Value!.State.IsOpen);
    }

    [Fact]
    public async Task Connecting_an_open_number_is_a_conflict_that_says_it_is_already_connected()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();

        var failure = (await api.Client.ConnectNumberAsync(open.Id)).Failure!;

        Assert.Equal((ApiFailureKind.Conflict, "ALREADY_CONNECTED"), (failure.Kind, failure.Code));
        Assert.Contains("already connected", failure.Message);
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers/{id}/connect")); // a 409 is an answer, not a blip to retry
    }

    [Fact]
    public async Task Connecting_a_Meta_number_is_an_invalid_request()
    {
        var api = await StartAsync();

        var failure = (await api.Client.ConnectNumberAsync(api.HealthyMetaNumber().Id)).Failure!;

        Assert.Equal((ApiFailureKind.InvalidRequest, "NOT_SUPPORTED_FOR_META"), (failure.Kind, failure.Code));
    }

    [Fact]
    public async Task After_a_scan_the_live_status_is_open_while_the_list_lags_until_the_lag_passes()
    {
        var api = await StartAsync();
        var closed = api.ClosedQrNumber();
        var code = (await api.Client.ConnectNumberAsync(closed.Id)).Value!;
        Assert.Equal(ScanResult.Connected, api.State.Scan(closed.Id, code.PairingCode!));

        var live = (await api.Client.GetLiveStatusAsync(closed.Id)).Value!;
        var listed = (await api.Client.ListNumbersAsync()).Value!.Numbers.Single(n => n.Id == closed.Id);

        Assert.Equal((closed.Id, true, true), (live.NumberId, live.State.IsOpen, live.Ready));
        Assert.True(listed.State.IsClosed, $"listed as {listed.State}");
        Assert.False(listed.Ready);

        api.SandboxClock.Advance(api.State.ListStateLag + TimeSpan.FromSeconds(1));
        api.Client.InvalidateNumberList(); // the client's own snapshot runs on real time; drop it to read upstream again
        var later = (await api.Client.ListNumbersAsync()).Value!.Numbers.Single(n => n.Id == closed.Id);

        Assert.True(later.State.IsOpen, $"listed as {later.State}");
        Assert.True(later.Ready);
        Assert.Equal(2, api.Requests.Get("GET /v1/numbers"));
    }

    [Fact]
    public async Task A_deleted_number_is_gone_upstream_and_its_detail_is_not_found()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();

        var removed = await api.Client.DeleteNumberAsync(open.Id);
        var detail = await api.Client.GetNumberAsync(open.Id);

        Assert.Equal(new NumberRemoved(open.Id), removed.Value);
        Assert.Null(api.State.FindNumber(open.Id));
        Assert.Equal(ApiFailureKind.NotFound, detail.Failure!.Kind);
        Assert.Contains(open.Id, detail.Failure.Message);
        Assert.DoesNotContain((await api.Client.ListNumbersAsync()).Value!.Numbers, n => n.Id == open.Id);
    }

    [Fact]
    public async Task Remote_pairing_returns_the_link_its_token_the_masked_number_and_creates_the_number_closed()
    {
        var api = await StartAsync();
        var countBefore = api.State.GetNumbers().Count;

        var link = (await api.Client.CreateRemotePairingLinkAsync(new RemotePairingRequest("Cliente João", "+55 11 91234-5678"))).Value!;

        Assert.Equal(Uri.UriSchemeHttps, link.Url.Scheme);
        Assert.False(string.IsNullOrWhiteSpace(link.Token));
        Assert.EndsWith("/" + link.Token, link.Url.AbsolutePath);
        Assert.Equal("+551191****5678", link.MaskedNumber);
        Assert.False(link.MessageSent);
        var number = api.State.FindNumber(link.NumberId!)!;
        Assert.Equal(("Cliente João", "5511912345678", ConnectionState.Close, SandboxProvider.PilotStatus), (number.Name, number.Number, number.State, number.Provider));
        Assert.Equal(countBefore + 1, api.State.GetNumbers().Count);
    }

    [Fact]
    public async Task Remote_pairing_sent_by_WhatsApp_reports_why_the_message_did_not_go()
    {
        var api = await StartAsync();

        var link = (await api.Client.CreateRemotePairingLinkAsync(new RemotePairingRequest("Cliente Ana", "+5511955554444", SendViaWhatsApp: true))).Value!;

        Assert.False(link.MessageSent);
        Assert.Contains("pilot_status_remote_pairing", link.MessageError);
    }
}
