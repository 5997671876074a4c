using Dashboard.Core.Customers;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Numbers;

public sealed class StateRefreshTests : IDisposable
{
    private static readonly OperatorScope Admin = new("admin", OperatorRoles.Administrator, null);
    private readonly FakePilotStatusClient _api = new();
    private readonly TestDatabase _db = new();
    private readonly StateRefresh _refresh;

    public StateRefreshTests()
    {
        for (var i = 0; i < 20; i++)
        {
            _api.Numbers.Add(FakePilotStatusClient.Number($"n{i:00}", $"Number {i}", $"+55119000000{i:00}", "CLOSE"));
        }

        _refresh = new StateRefresh(_api, new NumberFleet(_api, new CustomerDirectory(_db), new FleetIndex()));
    }

    [Fact]
    public async Task Live_states_replace_the_listed_ones_a_few_at_a_time()
    {
        _api.LiveStatusDelay = TimeSpan.FromMilliseconds(20);
        _api.LiveStatuses["n03"] = ApiResult.Success(new LiveStatus("n03", NumberState.Open, true, DateTimeOffset.UtcNow));
        var reports = new List<StateRefreshProgress>();

        var result = await _refresh.RefreshAsync(Admin, _api.Numbers.Select(n => n.Id).ToList(), new SynchronousProgress(reports.Add));

        Assert.Null(result.StoppedBy);
        Assert.Equal(20, result.Statuses.Count);
        Assert.True(result.Statuses["n03"].State.IsOpen);
        Assert.True(result.Statuses["n04"].State.IsClosed);
        Assert.InRange(_api.MaxConcurrentLiveStatusCalls, 1, StateRefresh.MaxConcurrency);
        Assert.Equal(20, reports.Max(r => r.Done));
    }

    [Fact]
    public async Task Rate_limiting_stops_the_refresh_and_says_why()
    {
        var limited = new ApiFailure(ApiFailureKind.RateLimited, "Pilot Status is limiting requests (HTTP 429). Try again in 30 seconds.", RetryAfter: TimeSpan.FromSeconds(30));
        _api.LiveStatuses["n05"] = limited;
        _api.LiveStatusDelay = TimeSpan.FromMilliseconds(50);

        var result = await _refresh.RefreshAsync(Admin, _api.Numbers.Select(n => n.Id).ToList());

        Assert.Equal(limited, result.StoppedBy);
        Assert.True(_api.LiveStatusCalls < 20, $"{_api.LiveStatusCalls} calls were made after the API asked to slow down.");
        Assert.DoesNotContain("n05", result.Statuses.Keys);
    }

    [Fact]
    public async Task Numbers_outside_the_operator_scope_are_never_asked()
    {
        var support = new OperatorScope("support", OperatorRoles.Support, new HashSet<int>());

        var result = await _refresh.RefreshAsync(support, ["n01", "n02"]);

        Assert.Empty(result.Statuses);
        Assert.Equal(0, _api.LiveStatusCalls);
    }

    public void Dispose() => _db.Dispose();

    private sealed class SynchronousProgress(Action<StateRefreshProgress> report) : IProgress<StateRefreshProgress>
    {
        public void Report(StateRefreshProgress value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
