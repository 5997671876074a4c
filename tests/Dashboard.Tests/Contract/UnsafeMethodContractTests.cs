using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using FaultRule = PilotStatus.Sandbox.FaultRule;

namespace Dashboard.Tests.Contract;

/// <summary>
/// Creating, deleting and remote pairing have real side effects: a failed attempt is never sent again. Each fault hits
/// only the first request, so a retry would reach the sandbox's real handler and leave a trace in its state.
/// </summary>
public sealed class UnsafeMethodContractTests : ContractTestBase
{
    // A short attempt keeps the timeout cases fast; the retry count is the shipped one, which would retry a GET twice.
    private static readonly Dictionary<string, string?> ShortTimeouts = new()
    {
        ["AttemptTimeout"] = "00:00:01",
        ["TotalTimeout"] = "00:00:05",
    };

    public static TheoryData<string> Faults => ["ServerError", "Timeout"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_connect_is_sent_once_so_no_code_is_superseded_behind_the_wizards_back(string fault)
    {
        var api = await StartWarmAsync();
        var number = api.ClosedQrNumber();
        api.Faults.Add(Once(fault, $"/v1/numbers/{number.Id}/connect", "GET"));

        var failure = (await api.Client.ConnectNumberAsync(number.Id)).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers/{id}/connect"));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_create_is_sent_once_and_creates_nothing(string fault)
    {
        var api = await StartWarmAsync();
        var countBefore = api.State.GetNumbers().Count;
        api.Faults.Add(Once(fault, "/v1/numbers", "POST"));

        var failure = (await api.Client.CreateNumberAsync(new NewNumber("Loja Nova", "+5511987654321"))).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal(1, api.Requests.Get("POST /v1/numbers"));
        Assert.Equal(countBefore, api.State.GetNumbers().Count);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_delete_is_sent_once_and_the_number_stays(string fault)
    {
        var api = await StartWarmAsync();
        var open = api.OpenQrNumber();
        api.Faults.Add(Once(fault, "/v1/numbers", "DELETE"));

        var failure = (await api.Client.DeleteNumberAsync(open.Id)).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal(1, api.Requests.Get("DELETE /v1/numbers/{id}"));
        Assert.NotNull(api.State.FindNumber(open.Id));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_remote_pairing_is_sent_once_and_creates_nothing(string fault)
    {
        var api = await StartWarmAsync();
        var countBefore = api.State.GetNumbers().Count;
        api.Faults.Add(Once(fault, "/v1/numbers/remote-pairing", "POST"));

        var failure = (await api.Client.CreateRemotePairingLinkAsync(new RemotePairingRequest("Cliente João", "+5511912345678"))).Failure!;

        Assert.Equal(ApiFailureKind.Unavailable, failure.Kind);
        Assert.Equal(1, api.Requests.Get("POST /v1/numbers/remote-pairing"));
        Assert.Equal(countBefore, api.State.GetNumbers().Count);
    }

    [Fact]
    public async Task The_same_fault_on_a_get_is_retried_which_is_what_the_tests_above_would_see()
    {
        var api = await StartWarmAsync();
        var open = api.OpenQrNumber();
        api.Faults.Add(Once("Timeout", "/v1/numbers", "GET"));
        api.Faults.Add(Once("ServerError", "/v1/numbers", "GET"));

        var result = await api.Client.GetNumberAsync(open.Id);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(3, api.Requests.Get("GET /v1/numbers/{id}"));
    }

    /// <summary>
    /// A sandbox the client has already talked to, so that the first faulted request does not also pay for a cold
    /// connection and JIT on a busy machine: a timed-out attempt must be the sandbox holding it, not a late start.
    /// </summary>
    private async Task<ContractFixture> StartWarmAsync()
    {
        var api = await StartAsync(client: ShortTimeouts);
        Assert.True((await api.Client.ListNumbersAsync()).Succeeded);
        return api;
    }

    private static FaultRule Once(string fault, string pathPrefix, string method) => fault switch
    {
        "ServerError" => FaultRule.ServerError(times: 1, pathPrefix: pathPrefix, method: method),
        "Timeout" => FaultRule.Timeout(times: 1, pathPrefix: pathPrefix, method: method),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
