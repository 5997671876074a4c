using Dashboard.Core.PilotStatus.Numbers;
using FaultRule = PilotStatus.Sandbox.FaultRule;

namespace Dashboard.Tests.Contract;

/// <summary>Every open page reads the number list; the service sees one request, and the dashboard's own changes show at once.</summary>
public sealed class NumberListSharingContractTests : ContractTestBase
{
    [Fact]
    public async Task Twenty_pages_reading_the_list_at_once_cost_one_upstream_request()
    {
        var api = await StartAsync();
        // Slow enough that every reader arrives while the one fetch is still under way.
        api.Faults.Add(FaultRule.Latency(TimeSpan.FromMilliseconds(300), times: 1, pathPrefix: "/v1/numbers", method: "GET"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => api.Client.ListNumbersAsync())));

        Assert.All(results, r => Assert.Equal(api.State.GetNumbers().Count, r.Value!.Numbers.Count));
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers"));
    }

    [Fact]
    public async Task After_creating_a_number_the_next_read_goes_upstream_and_lists_it()
    {
        var api = await StartAsync();
        var before = (await api.Client.ListNumbersAsync()).Value!;
        Assert.Same(before, (await api.Client.ListNumbersAsync()).Value); // shared while fresh
        Assert.Equal(1, api.Requests.Get("GET /v1/numbers"));

        var created = (await api.Client.CreateNumberAsync(new NewNumber("Loja Nova", "+5511987654321"))).Value!;
        var after = (await api.Client.ListNumbersAsync()).Value!;

        Assert.Equal(2, api.Requests.Get("GET /v1/numbers"));
        Assert.DoesNotContain(before.Numbers, n => n.Id == created.Id);
        Assert.Contains(after.Numbers, n => n.Id == created.Id);
        Assert.Equal(before.Numbers.Count + 1, after.Numbers.Count);
    }

    [Fact]
    public async Task After_deleting_or_pairing_remotely_the_next_read_goes_upstream_too()
    {
        var api = await StartAsync();
        var open = api.OpenQrNumber();
        await api.Client.ListNumbersAsync();

        await api.Client.DeleteNumberAsync(open.Id);
        var afterDelete = (await api.Client.ListNumbersAsync()).Value!;
        var link = (await api.Client.CreateRemotePairingLinkAsync(new RemotePairingRequest("Cliente João", "+5511912345678"))).Value!;
        var afterPairing = (await api.Client.ListNumbersAsync()).Value!;

        Assert.DoesNotContain(afterDelete.Numbers, n => n.Id == open.Id);
        Assert.True(afterPairing.Numbers.Single(n => n.Id == link.NumberId).State.IsClosed);
        Assert.Equal(3, api.Requests.Get("GET /v1/numbers"));
    }
}
