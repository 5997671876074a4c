using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Messages;

namespace Dashboard.Tests.Contract;

/// <summary>History, conversations and analytics of one number: the tenant key plus <c>x-whatsapp-number-id</c>.</summary>
public sealed class NumberDataContractTests : ContractTestBase
{
    [Fact]
    public async Task History_is_the_numbers_own_paged_newest_first_with_the_tenant_key()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();

        var first = (await api.Client.GetMessageHistoryAsync(open.Id, new PageRequest(Page: 1, PageSize: 10))).Value!;
        var second = (await api.Client.GetMessageHistoryAsync(open.Id, new PageRequest(Page: 2, PageSize: 10))).Value!;

        Assert.Equal(10, first.Messages.Count);
        Assert.True(first.Total > 20, $"only {first.Total} messages");
        Assert.Equal((1, 10, (first.Total + 9) / 10), (first.Page, first.PageSize, first.TotalPages));
        Assert.Equal(2, second.Page);
        Assert.Empty(first.Messages.Select(m => m.Id).Intersect(second.Messages.Select(m => m.Id)));
        var times = first.Messages.Concat(second.Messages).Select(m => m.ProviderTimestamp!.Value).ToList();
        Assert.Equal(times.OrderDescending(), times);
        // The outbound messages carry the number's own name: this is that number's history, not another's.
        Assert.All(first.Messages.Concat(second.Messages).Where(m => !m.IsInbound), m => Assert.Equal(open.Name, m.Origin));
        Assert.False(first.IsPiiRelayOnly);
        Assert.Equal(0, api.Requests.Get("GET /v1/api-keys")); // the tenant key with the header was enough
    }

    [Fact]
    public async Task History_within_a_date_range_has_only_messages_of_that_range()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();
        var from = ContractFixture.Start.AddDays(-10);
        var to = ContractFixture.Start.AddDays(-3);

        var page = (await api.Client.GetMessageHistoryAsync(open.Id, new PageRequest(PageSize: 100, From: from, To: to))).Value!;
        var all = (await api.Client.GetMessageHistoryAsync(open.Id, new PageRequest(PageSize: 100))).Value!;

        Assert.NotEmpty(page.Messages);
        Assert.True(page.Total < all.Total);
        Assert.All(page.Messages, m => Assert.InRange(m.ProviderTimestamp!.Value, from, to));
    }

    [Fact]
    public async Task Failed_messages_carry_their_reason_when_the_API_sends_one()
    {
        var api = await StartAsync();

        var page = (await api.Client.GetMessageHistoryAsync(api.OpenQrNumber().Id, new PageRequest(PageSize: 100))).Value!;

        var failed = page.Messages.Where(m => m.Status == "FAILED").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, m => Assert.False(string.IsNullOrWhiteSpace(m.ErrorMessage)));
        Assert.All(page.Messages.Where(m => m.Status != "FAILED"), m => Assert.Null(m.ErrorMessage));
    }

    [Fact]
    public async Task A_start_after_the_end_is_an_invalid_request_with_the_APIs_code()
    {
        var api = await StartAsync();

        var failure = (await api.Client.GetMessageHistoryAsync(
            api.OpenQrNumber().Id,
            new PageRequest(From: ContractFixture.Start, To: ContractFixture.Start.AddDays(-1)))).Failure!;

        Assert.Equal((ApiFailureKind.InvalidRequest, "INVALID_DATE_RANGE"), (failure.Kind, failure.Code));
        Assert.Equal(1, api.Requests.Get("GET /v1/messages/history"));
    }

    [Fact]
    public async Task Conversations_are_the_numbers_own_most_recent_first()
    {
        var api = await StartAsync();

        var page = (await api.Client.GetConversationsAsync(api.OpenQrNumber().Id, new PageRequest(PageSize: 100))).Value!;

        Assert.NotEmpty(page.Conversations);
        Assert.Equal(page.Total, page.Conversations.Count);
        Assert.Equal(["DIRECT", "GROUP", "NEWSLETTER"], page.Conversations.Select(c => c.Type!).Distinct().Order());
        var times = page.Conversations.Select(c => c.LastMessageAt!.Value).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.False(page.IsPiiRelayOnly);
    }

    [Fact]
    public async Task A_relay_only_number_answers_empty_pages_marked_as_relay_only()
    {
        var api = await StartAsync();
        var relay = api.RelayOnlyNumber();

        var history = (await api.Client.GetMessageHistoryAsync(relay.Id, new PageRequest())).Value!;
        var conversations = (await api.Client.GetConversationsAsync(relay.Id, new PageRequest())).Value!;

        Assert.True(history.IsPiiRelayOnly);
        Assert.Empty(history.Messages);
        Assert.True(conversations.IsPiiRelayOnly);
        Assert.Empty(conversations.Conversations);
        Assert.False((await api.Client.GetMessageHistoryAsync(api.OpenQrNumber().Id, new PageRequest())).Value!.IsPiiRelayOnly);
    }

    [Fact]
    public async Task Analytics_count_the_numbers_outbound_messages_day_by_day()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();

        var analytics = (await api.Client.GetAnalyticsAsync(open.Id, AnalyticsPeriod.SevenDays)).Value!;

        Assert.Equal(7, analytics.DailyMessages.Count);
        Assert.Equal(DateOnly.FromDateTime(ContractFixture.Start.UtcDateTime), analytics.DailyMessages[^1].Date);
        Assert.Equal(analytics.TotalSent + analytics.TotalFailed, analytics.DailyMessages.Sum(d => d.Count));
        Assert.True(analytics.TotalSent > 0);
        Assert.InRange(analytics.StatusDistribution.Values.Sum(), 99.0, 101.0);
        Assert.Equal(0, api.Requests.Get("GET /v1/api-keys"));
    }

    [Fact]
    public async Task Analytics_in_a_time_zone_bucket_by_that_zones_days()
    {
        var api = await StartAsync();

        var analytics = (await api.Client.GetAnalyticsAsync(api.OpenQrNumber().Id, AnalyticsPeriod.SevenDays, "America/Sao_Paulo")).Value!;

        // 01:30 UTC on 30 June is 22:30 on 29 June in São Paulo.
        Assert.Equal(new DateOnly(2026, 6, 29), analytics.DailyMessages[^1].Date);
    }
}
