using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Tests.Contract;

/// <summary>A backend that refuses the tenant key on per-number endpoints (older docs): the client uses each number's own key.</summary>
public sealed class NumberKeyFallbackContractTests : ContractTestBase
{
    [Fact]
    public async Task History_still_works_through_the_numbers_key_fetched_once_and_cached()
    {
        var api = await StartAsync();
        api.State.RefuseTenantKeyOnPerNumberEndpoints = true;
        var open = api.OpenQrNumber();

        var first = (await api.Client.GetMessageHistoryAsync(open.Id, new PageRequest(PageSize: 5))).Value!;
        var second = (await api.Client.GetMessageHistoryAsync(open.Id, new PageRequest(Page: 2, PageSize: 5))).Value!;

        Assert.Equal(5, first.Messages.Count);
        Assert.Equal(2, second.Page);
        Assert.All(first.Messages.Where(m => !m.IsInbound), m => Assert.Equal(open.Name, m.Origin));
        Assert.Equal(1, api.Requests.Get("GET /v1/api-keys"));
        // One refused try with the tenant key, then the number's key for both pages: the refusal is remembered.
        Assert.Equal(3, api.Requests.Get("GET /v1/messages/history"));
    }

    [Fact]
    public async Task The_cached_keys_serve_the_other_numbers_and_endpoints_too()
    {
        var api = await StartAsync();
        api.State.RefuseTenantKeyOnPerNumberEndpoints = true;
        var open = api.OpenQrNumber();
        var meta = api.HealthyMetaNumber();

        var history = await api.Client.GetMessageHistoryAsync(open.Id, new PageRequest());
        var conversations = await api.Client.GetConversationsAsync(meta.Id, new PageRequest());
        var analytics = await api.Client.GetAnalyticsAsync(meta.Id, AnalyticsPeriod.SevenDays);

        Assert.True(history.Succeeded, history.Failure?.Message);
        Assert.NotEmpty(conversations.Value!.Conversations);
        Assert.Equal(7, analytics.Value!.DailyMessages.Count);
        Assert.Equal(1, api.Requests.Get("GET /v1/api-keys"));
    }

    [Fact]
    public async Task A_number_added_after_the_keys_were_cached_still_gets_its_history()
    {
        var api = await StartAsync();
        api.State.RefuseTenantKeyOnPerNumberEndpoints = true;
        Assert.True((await api.Client.GetMessageHistoryAsync(api.OpenQrNumber().Id, new PageRequest())).Succeeded); // keys cached
        var created = (await api.Client.CreateNumberAsync(new NewNumber("Loja Nova", "+5511987654321"))).Value!;

        var history = await api.Client.GetMessageHistoryAsync(created.Id, new PageRequest());

        Assert.True(history.Succeeded, history.Failure?.Message);
        Assert.Equal(2, api.Requests.Get("GET /v1/api-keys")); // fetched again once, for the number it did not know
    }

    [Fact]
    public async Task A_legacy_number_whose_key_cannot_be_revealed_is_forbidden_and_told_to_regenerate_it()
    {
        var api = await StartAsync();
        api.State.RefuseTenantKeyOnPerNumberEndpoints = true;
        var legacy = api.LegacyKeyNumber();

        var failure = (await api.Client.GetMessageHistoryAsync(legacy.Id, new PageRequest())).Failure!;

        Assert.Equal(ApiFailureKind.Forbidden, failure.Kind);
        Assert.Contains("must be regenerated", failure.Message);
        Assert.Contains(legacy.Id, failure.Message);
        Assert.Equal(1, api.Requests.Get("GET /v1/messages/history")); // only the refused tenant-key try went out
    }

    [Fact]
    public async Task With_the_tenant_key_accepted_a_legacy_number_needs_no_key_at_all()
    {
        var api = await StartAsync();

        var history = await api.Client.GetMessageHistoryAsync(api.LegacyKeyNumber().Id, new PageRequest());

        Assert.True(history.Succeeded, history.Failure?.Message);
        Assert.Equal(0, api.Requests.Get("GET /v1/api-keys"));
    }
}
