using Dashboard.Core.Cluster;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Settings;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
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
        _token = new ReceiverToken(_settings);
    }

    [Fact]
    public async Task Before_any_token_exists_posts_are_refused_without_asking_the_database_each_time()
    {
        Assert.False(await _token.MatchesAsync("guess"));

        // Written behind its back (no instance said so): the absence read a moment ago is still believed, however long after.
        await _settings.SetAsync(DashboardSettingKeys.WebhookReceiverToken, "written-directly", changedBy: null);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.False(await _token.MatchesAsync("written-directly"));
    }

    [Fact]
    public async Task A_token_made_on_another_instance_is_accepted_here_at_once()
    {
        var hub = new InProcessClusterHub();
        var here = new ReceiverToken(new DashboardSettings(_database, _clock, Bus(hub)), Bus(hub));
        var elsewhere = new ReceiverToken(new DashboardSettings(_database, _clock, Bus(hub)), Bus(hub));
        Assert.False(await here.MatchesAsync("guess"));

        var made = await elsewhere.GetOrCreateAsync();

        Assert.True(await here.MatchesAsync(made));
        Assert.False(await here.MatchesAsync(made + "-"));
    }

    private static InProcessClusterBus Bus(InProcessClusterHub hub) => new(hub, NullLogger<InProcessClusterBus>.Instance);

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
