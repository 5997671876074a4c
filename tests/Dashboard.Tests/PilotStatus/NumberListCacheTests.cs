using System.Net;
using Dashboard.Core.PilotStatus;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Tests.PilotStatus.FakePilotStatusApi;

namespace Dashboard.Tests.PilotStatus;

/// <summary>Every circuit reads one shared <c>GET /v1/numbers</c> snapshot.</summary>
public class NumberListCacheTests
{
    private const string List = """[ { "id": "n1", "state": "OPEN" }, { "id": "n2", "state": "CLOSE" } ]""";

    [Fact]
    public async Task Twenty_concurrent_readers_cause_one_upstream_call()
    {
        await using var harness = new ClientHarness();
        var release = new TaskCompletionSource();
        harness.Api.Respond(async (_, _) =>
        {
            await release.Task;
            return Json(HttpStatusCode.OK, List);
        });

        // Each reader resolves its own client on a thread of its own, as twenty circuits would. A reader has joined the
        // shared read once its call has returned its task, so all twenty are waiting before the first answer is let out.
        var readers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Factory.StartNew(() => harness.Client.ListNumbersAsync(), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default)));
        Assert.All(readers, r => Assert.False(r.IsCompleted));
        release.SetResult();
        var results = await Task.WhenAll(readers);

        Assert.Single(harness.Api.Requests);
        Assert.All(results, r => Assert.Equal(2, r.Value!.Numbers.Count));
        Assert.Single(results.Select(r => r.Value!.FetchedAt).Distinct());
    }

    [Fact]
    public async Task The_snapshot_is_served_within_its_lifetime_and_refetched_after()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        await using var harness = new ClientHarness(o => o.NumberListLifetime = TimeSpan.FromSeconds(10), clock);
        harness.Api.Respond(_ => Json(HttpStatusCode.OK, List));

        var first = await harness.Client.ListNumbersAsync();
        clock.Advance(TimeSpan.FromSeconds(9));
        var cached = await harness.Client.ListNumbersAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        var fresh = await harness.Client.ListNumbersAsync();

        Assert.Equal(2, harness.Api.Requests.Count);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), first.Value!.FetchedAt);
        Assert.Equal(first.Value.FetchedAt, cached.Value!.FetchedAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 0, 11, TimeSpan.Zero), fresh.Value!.FetchedAt);
        Assert.Equal(fresh.Value.FetchedAt, harness.Client.NumberListFetchedAt);
    }

    [Fact]
    public async Task Our_own_writes_and_an_explicit_invalidate_drop_the_snapshot()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request switch
        {
            { RequestUri.AbsolutePath: "/v1/numbers", Method.Method: "GET" } => Json(HttpStatusCode.OK, List),
            { RequestUri.AbsolutePath: "/v1/numbers" } => Json(HttpStatusCode.Created, """{ "instance": { "id": "n3" }, "qrcodeBase64": "data:image/png;base64,AA" }"""),
            { RequestUri.AbsolutePath: "/v1/numbers/remote-pairing" } => Json(HttpStatusCode.Created, """{ "remotePairingUrl": "https://x.test/connect/t1" }"""),
            { RequestUri.AbsolutePath: "/v1/numbers/n1/connect" } => Json(HttpStatusCode.OK, """{ "pairingCode": "ABCD-1234" }"""),
            _ => Json(HttpStatusCode.OK, """{ "ok": true }"""),
        });
        var client = harness.Client;

        await client.ListNumbersAsync();
        await client.ListNumbersAsync(); // cached
        await client.CreateNumberAsync(new("Vendas", "+5511977776666"));
        await client.ListNumbersAsync();
        await client.DeleteNumberAsync("n2");
        await client.ListNumbersAsync();
        await client.ConnectNumberAsync("n1");
        await client.ListNumbersAsync();
        await client.CreateRemotePairingLinkAsync(new("Cliente", "+5511966665555"));
        await client.ListNumbersAsync();
        client.InvalidateNumberList();
        Assert.Null(client.NumberListFetchedAt);
        await client.ListNumbersAsync();

        Assert.Equal(6, harness.Api.Requests.Count(r => r.Method == HttpMethod.Get && r.PathAndQuery == "/v1/numbers"));
    }

    [Fact]
    public async Task A_failed_write_still_drops_the_snapshot()
    {
        await using var harness = new ClientHarness();
        harness.Api.Respond(request => request.Method == HttpMethod.Get
            ? Json(HttpStatusCode.OK, List)
            : Error(HttpStatusCode.GatewayTimeout)); // the number may have been created all the same

        await harness.Client.ListNumbersAsync();
        await harness.Client.CreateNumberAsync(new("Vendas", "+5511977776666"));
        await harness.Client.ListNumbersAsync();

        Assert.Equal(2, harness.Api.Requests.Count(r => r.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task A_failure_is_not_kept()
    {
        await using var harness = new ClientHarness();
        harness.Api.RespondInOrder(() => Error(HttpStatusCode.Unauthorized), () => Json(HttpStatusCode.OK, List));

        var failed = await harness.Client.ListNumbersAsync();
        var next = await harness.Client.ListNumbersAsync();

        Assert.Equal(ApiFailureKind.Unauthorized, failed.Failure!.Kind);
        Assert.True(next.Succeeded);
    }

    [Fact]
    public async Task A_reader_that_gives_up_does_not_cancel_the_others()
    {
        await using var harness = new ClientHarness();
        var release = new TaskCompletionSource();
        harness.Api.Respond(async (_, _) =>
        {
            await release.Task;
            return Json(HttpStatusCode.OK, List);
        });
        using var leaving = new CancellationTokenSource();

        var impatient = harness.Client.ListNumbersAsync(leaving.Token);
        var patient = harness.Client.ListNumbersAsync();
        await leaving.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.True((await patient).Succeeded);
        Assert.Single(harness.Api.Requests);
    }
}
