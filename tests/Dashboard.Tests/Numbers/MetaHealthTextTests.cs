using Dashboard.Core.Numbers;

namespace Dashboard.Tests.Numbers;

public sealed class MetaHealthTextTests
{
    [Theory]
    [InlineData("TIER_50", 50)]
    [InlineData("TIER_250", 250)]
    [InlineData("TIER_1K", 1_000)]
    [InlineData("TIER_2K", 2_000)]
    [InlineData("tier_10k", 10_000)]
    [InlineData("TIER_100K", 100_000)]
    public void A_messaging_limit_tier_reads_as_conversations_per_day(string tier, long conversations) =>
        Assert.Equal(new UiText(MetaHealthText.ConversationsPerDay, conversations), MetaHealthText.Limit(tier));

    [Fact]
    public void Codes_Meta_may_add_later_are_shown_as_sent_and_missing_ones_as_not_known()
    {
        Assert.Equal(new UiText("No daily limit"), MetaHealthText.Limit("TIER_UNLIMITED"));
        Assert.Equal(new UiText("TIER_SOMETHING"), MetaHealthText.Limit("TIER_SOMETHING"));
        Assert.Equal(new UiText("PURPLE"), MetaHealthText.Quality("PURPLE"));
        Assert.Equal(new UiText("Not known"), MetaHealthText.Status(null));
        Assert.Equal(new UiText("High"), MetaHealthText.Quality("GREEN"));
        Assert.Equal(new UiText("Verified"), MetaHealthText.Verification("verified"));
    }
}
