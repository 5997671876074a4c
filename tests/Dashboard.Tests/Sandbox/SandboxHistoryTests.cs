using System.Globalization;
using System.Net;
using System.Text.Json;
using PilotStatus.Sandbox;

namespace Dashboard.Tests.Sandbox;

public sealed class SandboxHistoryTests : SandboxTestBase
{
    [Fact]
    public async Task History_is_newest_first_and_pages_consistently()
    {
        var number = OpenQrNumber();

        var whole = await GetJsonAsync("/v1/messages/history?pageSize=100", number.ApiKey);
        var page1 = await GetJsonAsync("/v1/messages/history?page=1&pageSize=7", number.ApiKey);
        var page2 = await GetJsonAsync("/v1/messages/history?page=2&pageSize=7", number.ApiKey);
        var byDefault = await GetJsonAsync("/v1/messages/history", number.ApiKey);

        var total = whole.GetProperty("total").GetInt32();
        Assert.True(total > 30, $"Expected a month of history, got {total} messages.");
        Assert.Equal(total, page1.GetProperty("total").GetInt32());
        Assert.Equal((total + 6) / 7, page1.GetProperty("totalPages").GetInt32());
        Assert.Equal(30, byDefault.GetProperty("pageSize").GetInt32());
        Assert.Equal(30, byDefault.GetProperty("messages").GetArrayLength());

        var times = Messages(whole).Select(m => m.GetProperty("providerTimestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(Ids(whole).Take(14), Ids(page1).Concat(Ids(page2)));
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Paging_past_the_end_is_empty_but_keeps_the_total()
    {
        var number = OpenQrNumber();

        var beyond = await GetJsonAsync("/v1/messages/history?page=999", number.ApiKey);

        Assert.Equal(0, beyond.GetProperty("messages").GetArrayLength());
        Assert.True(beyond.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=ten")]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    public async Task Out_of_range_paging_is_a_validation_error(string query)
    {
        using var history = await GetAsync($"/v1/messages/history?{query}", OpenQrNumber().ApiKey);
        using var conversations = await GetAsync($"/v1/conversations?{query}", OpenQrNumber().ApiKey);

        await AssertErrorAsync(history, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await AssertErrorAsync(conversations, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Theory]
    [InlineData("startDate=yesterday")]
    [InlineData("endDate=2026-13-45")]
    [InlineData("startDate=2026-06-20T00:00:00Z&endDate=2026-06-10T00:00:00Z")]
    public async Task Bad_or_inverted_dates_are_INVALID_DATE_RANGE(string query)
    {
        using var history = await GetAsync($"/v1/messages/history?{query}", OpenQrNumber().ApiKey);
        using var conversations = await GetAsync($"/v1/conversations?{query}", OpenQrNumber().ApiKey);

        await AssertErrorAsync(history, HttpStatusCode.BadRequest, "INVALID_DATE_RANGE");
        await AssertErrorAsync(conversations, HttpStatusCode.BadRequest, "INVALID_DATE_RANGE");
    }

    [Fact]
    public async Task Date_filters_bound_providerTimestamp_inclusively()
    {
        var number = OpenQrNumber();
        var start = Start.AddDays(-10);
        var end = Start.AddDays(-3);

        var filtered = await GetJsonAsync($"/v1/messages/history?pageSize=100&startDate={Iso(start)}&endDate={Iso(end)}", number.ApiKey);
        var whole = await AllMessagesAsync(number.ApiKey);

        var expected = whole.Where(m => m.GetProperty("providerTimestamp").GetDateTimeOffset() is var t && t >= start && t <= end).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, filtered.GetProperty("total").GetInt32());
        Assert.All(Messages(filtered), m => Assert.InRange(m.GetProperty("providerTimestamp").GetDateTimeOffset(), start, end));
    }

    [Fact]
    public async Task History_reaches_back_about_a_month_and_no_further()
    {
        var messages = await AllMessagesAsync(OpenQrNumber().ApiKey);

        var oldest = messages.Min(m => m.GetProperty("providerTimestamp").GetDateTimeOffset());
        var newest = messages.Max(m => m.GetProperty("providerTimestamp").GetDateTimeOffset());
        Assert.True(oldest >= Start.AddDays(-30), $"Oldest message {oldest:O} is older than a month.");
        Assert.True(oldest < Start.AddDays(-7), "History should span weeks, not days.");
        Assert.True(newest <= Start);
    }

    [Fact]
    public async Task Every_status_direction_and_message_type_appears_with_media_where_it_belongs()
    {
        var messages = await AllMessagesAsync(OpenQrNumber().ApiKey);

        Assert.Equal(["INBOUND", "OUTBOUND"], messages.Select(m => m.GetProperty("direction").GetString()).Distinct().Order());
        Assert.Superset(
            new HashSet<string?> { "QUEUED", "SENT", "DELIVERED", "READ", "FAILED" },
            messages.Where(m => m.GetProperty("direction").GetString() == "OUTBOUND").Select(m => m.GetProperty("status").GetString()).ToHashSet());
        Assert.Equal(
            new[] { "audio", "contacts", "document", "image", "location", "reaction", "sticker", "text", "video" },
            messages.Select(m => m.GetProperty("messageType").GetString()).Distinct().Order());

        Assert.All(messages.Where(m => m.GetProperty("status").GetString() == "FAILED"), m =>
            Assert.False(string.IsNullOrEmpty(m.GetProperty("errorMessage").GetString())));
        Assert.All(messages.Where(m => m.GetProperty("status").GetString() != "FAILED"), m =>
            Assert.Equal(JsonValueKind.Null, m.GetProperty("errorMessage").ValueKind));

        var withMedia = new[] { "image", "audio", "video", "document", "sticker" };
        Assert.All(messages, m =>
        {
            var media = m.GetProperty("media");
            if (withMedia.Contains(m.GetProperty("messageType").GetString()))
            {
                Assert.Contains(media.GetProperty("provider").GetString(), new[] { "EVO", "EVO_GO" });
                Assert.Contains("/", media.GetProperty("mimeType").GetString());
                Assert.Equal(JsonValueKind.Null, media.GetProperty("id").ValueKind);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, media.ValueKind);
            }
        });
        Assert.All(messages.Where(m => m.GetProperty("messageType").GetString() == "document"), m =>
            Assert.EndsWith(".pdf", m.GetProperty("media").GetProperty("fileName").GetString()));
        Assert.All(messages.Where(m => m.GetProperty("status").GetString() == "READ"), m =>
            Assert.Equal(JsonValueKind.String, m.GetProperty("readAt").ValueKind));
    }

    [Fact]
    public async Task Meta_media_carries_a_Meta_media_id()
    {
        var meta = Seeded(n => n.Provider == NumberProvider.Meta && !n.RelayOnly);

        var messages = await AllMessagesAsync(meta.ApiKey);

        var media = messages.Where(m => m.GetProperty("media").ValueKind == JsonValueKind.Object).Select(m => m.GetProperty("media")).ToList();
        Assert.NotEmpty(media);
        Assert.All(media, m =>
        {
            Assert.Equal("META", m.GetProperty("provider").GetString());
            Assert.False(string.IsNullOrEmpty(m.GetProperty("id").GetString()));
        });
        Assert.All(messages, m => Assert.Equal("META", m.GetProperty("providerKind").GetString()));
    }

    [Fact]
    public async Task A_RELAY_ONLY_number_returns_empty_history_and_conversations_with_a_notice()
    {
        var relayOnly = RelayOnlyNumber();

        var history = await GetJsonAsync("/v1/messages/history", relayOnly.ApiKey);
        var conversations = await GetJsonAsync("/v1/conversations", numberId: relayOnly.Id);

        Assert.Equal(0, history.GetProperty("messages").GetArrayLength());
        Assert.Equal(0, history.GetProperty("total").GetInt32());
        Assert.Equal("PII_RELAY_ONLY", history.GetProperty("notice").GetString());
        Assert.Equal(0, conversations.GetProperty("conversations").GetArrayLength());
        Assert.Equal(0, conversations.GetProperty("total").GetInt32());
        Assert.Equal("PII_RELAY_ONLY", conversations.GetProperty("notice").GetString());

        var ordinary = await GetJsonAsync("/v1/messages/history", OpenQrNumber().ApiKey);
        Assert.False(ordinary.TryGetProperty("notice", out _));
    }

    [Fact]
    public async Task Conversations_are_ordered_by_last_message_and_agree_with_the_history()
    {
        var number = OpenQrNumber();

        var page = await GetJsonAsync("/v1/conversations?pageSize=100", number.ApiKey);
        var messages = await AllMessagesAsync(number.ApiKey);

        var conversations = page.GetProperty("conversations").EnumerateArray().ToList();
        Assert.Equal(conversations.Count, page.GetProperty("total").GetInt32());
        var lastTimes = conversations.Select(c => c.GetProperty("lastMessageAt").GetDateTimeOffset()).ToList();
        Assert.Equal(lastTimes.OrderDescending(), lastTimes);
        Assert.Equal(["DIRECT", "GROUP", "NEWSLETTER"], conversations.Select(c => c.GetProperty("type").GetString()).Distinct().Order());
        Assert.Equal(
            conversations.Select(c => c.GetProperty("id").GetString()).Order(),
            messages.Select(m => m.GetProperty("conversationId").GetString()).Distinct().Order());

        foreach (var conversation in conversations)
        {
            var id = conversation.GetProperty("id").GetString();
            var own = messages.Where(m => m.GetProperty("conversationId").GetString() == id).ToList();
            Assert.Equal(own.Max(m => m.GetProperty("providerTimestamp").GetDateTimeOffset()), conversation.GetProperty("lastMessageAt").GetDateTimeOffset());
            Assert.Equal(
                own.Count(m => m.GetProperty("direction").GetString() == "INBOUND" && m.GetProperty("status").GetString() != "READ"),
                conversation.GetProperty("unreadCount").GetInt32());
            if (conversation.GetProperty("type").GetString() == "DIRECT")
            {
                Assert.StartsWith("+55", conversation.GetProperty("from").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, conversation.GetProperty("from").ValueKind);
            }
        }
    }

    [Fact]
    public async Task Conversation_date_filters_apply_to_lastMessageAt()
    {
        var number = OpenQrNumber();
        var since = Start.AddDays(-7);

        var recent = await GetJsonAsync($"/v1/conversations?pageSize=100&startDate={Iso(since)}", number.ApiKey);
        var all = await GetJsonAsync("/v1/conversations?pageSize=100", number.ApiKey);

        var expected = all.GetProperty("conversations").EnumerateArray().Count(c => c.GetProperty("lastMessageAt").GetDateTimeOffset() >= since);
        Assert.Equal(expected, recent.GetProperty("total").GetInt32());
        Assert.True(expected < all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_same_seed_and_clock_give_the_same_history()
    {
        await using var twin = await SandboxServer.StartAsync(new SandboxOptions(), Clock);
        var number = OpenQrNumber();
        using var http = new HttpClient { BaseAddress = twin.BaseAddress };
        http.DefaultRequestHeaders.Add("x-api-key", number.ApiKey);

        var ours = await GetJsonAsync("/v1/messages/history?pageSize=50", number.ApiKey);
        var theirs = JsonDocument.Parse(await http.GetStringAsync("v1/messages/history?pageSize=50")).RootElement;

        Assert.Equal(ours.ToString(), theirs.ToString());
    }

    [Fact]
    public async Task Analytics_summarise_the_outbound_history_of_the_period()
    {
        var number = OpenQrNumber();

        var analytics = await GetJsonAsync("/v1/analytics/dashboard?period=7d&tz=America/Sao_Paulo", number.ApiKey);
        var messages = await AllMessagesAsync(number.ApiKey);

        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Start, zone).DateTime);
        var outbound = messages
            .Where(m => m.GetProperty("direction").GetString() == "OUTBOUND")
            .Where(m => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.GetProperty("providerTimestamp").GetDateTimeOffset(), zone).DateTime) > today.AddDays(-7))
            .ToList();
        var failed = outbound.Count(m => m.GetProperty("status").GetString() == "FAILED");
        Assert.Equal(outbound.Count - failed, analytics.GetProperty("totalSent").GetInt32());
        Assert.Equal(failed, analytics.GetProperty("totalFailed").GetInt32());
        var daily = analytics.GetProperty("dailyMessages").EnumerateArray().ToList();
        Assert.Equal(7, daily.Count);
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), daily[^1].GetProperty("date").GetString());
        Assert.Equal(outbound.Count, daily.Sum(d => d.GetProperty("count").GetInt32()));
        var distribution = analytics.GetProperty("statusDistribution");
        Assert.Equal(100, distribution.EnumerateObject().Sum(p => p.Value.GetDouble()), 0.1);
    }

    [Theory]
    [InlineData("period=1y")]
    [InlineData("tz=Mars/Olympus_Mons")]
    public async Task Analytics_reject_unknown_periods_and_time_zones(string query)
    {
        using var response = await GetAsync($"/v1/analytics/dashboard?{query}", OpenQrNumber().ApiKey);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    private async Task<List<JsonElement>> AllMessagesAsync(string key)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await GetJsonAsync($"/v1/messages/history?page={page}&pageSize=100", key);
            all.AddRange(Messages(body));
            if (page >= body.GetProperty("totalPages").GetInt32())
            {
                return all;
            }
        }
    }

    private static IEnumerable<JsonElement> Messages(JsonElement page) => page.GetProperty("messages").EnumerateArray();

    private static IEnumerable<string?> Ids(JsonElement page) => Messages(page).Select(m => m.GetProperty("id").GetString());

    private static string Iso(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("O", CultureInfo.InvariantCulture));
}
