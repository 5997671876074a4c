using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Settings;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.LiveUpdates;

public sealed class ReceiverTokenTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
    private readonly TestDatabase _database = new();
    private readonly DashboardSettings _settings;
    private readonly ReceiverToken _token;

    public ReceiverTokenTests()
    {
        _settings = new DashboardSettings(_database, _clock);
        _token = new ReceiverToken(_settings, _clock);
    }

    [Fact]
    public async Task Before_any_token_exists_posts_are_refused_without_asking_the_database_each_time()
    {
        Assert.False(await _token.MatchesAsync("guess"));

        // Another instance sharing the database makes the token now.
        await _settings.SetAsync(DashboardSettingKeys.WebhookReceiverToken, "made-elsewhere", changedBy: null);

        Assert.False(await _token.MatchesAsync("made-elsewhere")); // the absence read a moment ago is still believed
        _clock.Advance(ReceiverToken.AbsenceLifetime);
        Assert.True(await _token.MatchesAsync("made-elsewhere"));
        Assert.False(await _token.MatchesAsync("made-elsewhere-"));
    }

    [Fact]
    public async Task Enabling_live_updates_makes_the_token_at_once_even_just_after_a_refused_post()
    {
        Assert.False(await _token.MatchesAsync("guess"));

        var made = await _token.GetOrCreateAsync();

        Assert.True(await _token.MatchesAsync(made));
        Assert.Equal(made, await _token.GetOrCreateAsync());
        Assert.Equal(made, await _settings.GetAsync(DashboardSettingKeys.WebhookReceiverToken));
    }

    public void Dispose() => _database.Dispose();
}
