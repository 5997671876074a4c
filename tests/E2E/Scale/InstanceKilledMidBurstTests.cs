using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;

namespace Dashboard.E2E.Scale;

/// <summary>
/// 5,000 webhook deliveries spread over both instances, instance A killed with SIGKILL halfway: a delivery that A did
/// not answer is sent to B, as Pilot Status retries. Every event must be stored once and processed once, none lost.
/// </summary>
[Trait("Category", "ScaleKill")]
public sealed class InstanceKilledMidBurstTests(ITestOutputHelper output)
{
    private const int Events = 5000;

    [ScaleFact]
    public async Task Every_event_is_processed_exactly_once_with_none_lost_when_an_instance_is_killed_mid_burst()
    {
        var numbers = await ScaleTopology.NumbersAsync();
        var start = DateTimeOffset.UtcNow;
        var sent = 0;
        var retriedOnB = 0;
        var killed = false;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var gate = new SemaphoreSlim(32);

        var deliveries = Enumerable.Range(0, Events).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                if (Interlocked.Increment(ref sent) == Events / 2 && !killed)
                {
                    killed = true;
                    Process.GetProcessById(ScaleTopology.InstanceAProcessId).Kill(); // SIGKILL: no shutdown at all.
                }

                var name = i % 2 == 0 ? "number.connected" : "number.disconnected";
                var at = start.AddMilliseconds(i);
                var target = i % 2 == 0 ? ScaleTopology.InstanceA : ScaleTopology.InstanceB;
                if (await TryPostAsync(http, target, name, numbers[i % numbers.Count].Id, at))
                {
                    return true;
                }

                Interlocked.Increment(ref retriedOnB);
                return await TryPostAsync(http, ScaleTopology.InstanceB, name, numbers[i % numbers.Count].Id, at);
            }
            finally
            {
                gate.Release();
            }
        });
        var answered = await Task.WhenAll(deliveries);
        Assert.All(answered, Assert.True); // Every delivery got its 200 from one instance or the other.

        // Instance B processes what is stored, A's unfinished claims included once their lease runs out.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        long pending;
        while ((pending = await PendingOnBAsync(http)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{pending} stored events were still unprocessed after 90 s.");
            await Task.Delay(250);
        }

        await using var db = new NpgsqlConnection(ScaleTopology.Database);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE "ProcessedAt" IS NOT NULL), count(*) FILTER (WHERE "Claims" > 1),
                   count(DISTINCT "DedupeKey")
            FROM "InboxEvents" WHERE "ReceivedAt" >= @start
            """, db);
        query.Parameters.AddWithValue("start", start.UtcDateTime.AddSeconds(-1));
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (stored, processed, reclaimed, distinct) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));

        output.WriteLine($"scale-kill: sent {Events}, retried on B after the kill {retriedOnB}, stored {stored} ({distinct} distinct), " +
            $"processed {processed}, lost {Events - processed}, stored twice {stored - distinct}, taken over from the killed instance {reclaimed}");
        Assert.Equal(Events, stored);
        Assert.Equal(Events, distinct);
        Assert.Equal(Events, processed);
    }

    private static async Task<bool> TryPostAsync(HttpClient http, Uri instance, string name, string id, DateTimeOffset at)
    {
        try
        {
            using var response = await ScaleTopology.PostEventAsync(http, instance, name, id, at);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // The instance is gone: Pilot Status would retry, and reach the other one.
        }
    }

    private static async Task<long> PendingOnBAsync(HttpClient http)
    {
        using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(ScaleTopology.InstanceB, "/health")));
        return health.RootElement.GetProperty("checks").GetProperty("live-updates").GetProperty("data").GetProperty("pending").GetInt64();
    }
}
