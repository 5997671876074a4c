using System.Collections.Concurrent;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Numbers;

/// <summary>
/// The quality rating of Meta numbers for the list's "Quality" column. The list endpoint does not carry it, only a
/// number's detail does: ratings are remembered from every detail read (for a while, shared by all circuits) and the
/// Meta numbers on the page being looked at are read in the background, two at a time.
/// </summary>
/// <remarks>A singleton, so it holds no client of its own: the Pilot Status client is transient (a fresh HttpClient per
/// use), and each page lends the one it has.</remarks>
public sealed class MetaQuality(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int Concurrency = 2;

    private readonly ConcurrentDictionary<string, (string? Rating, DateTimeOffset At)> _known = new();

    /// <summary>The rating as last read (<c>GREEN</c>, <c>YELLOW</c>, <c>RED</c>, or another value Meta sends), or null when not known.</summary>
    public string? Known(string numberId) =>
        _known.TryGetValue(numberId, out var entry) && clock.GetUtcNow() - entry.At < Lifetime ? entry.Rating : null;

    public void Record(string numberId, NumberDetail detail) =>
        _known[numberId] = (detail.Health?.QualityRating ?? detail.Meta?.Phone?.QualityRating, clock.GetUtcNow());

    /// <summary>Reads the detail of the Meta numbers among <paramref name="numbers"/> whose rating is not known; stops at the first failure.</summary>
    public async Task FillAsync(IPilotStatusClient pilotStatus, IEnumerable<WhatsAppNumber> numbers, CancellationToken cancellationToken = default)
    {
        var missing = numbers.Where(n => n.Provider.IsMeta && !IsFresh(n.Id)).Select(n => n.Id).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stop.Token }, async (id, ct) =>
            {
                var detail = await pilotStatus.GetNumberAsync(id, refreshFromMeta: false, ct);
                if (detail.Succeeded)
                {
                    Record(id, detail.Value);
                }
                else
                {
                    // A quality column is not worth a rate limit: the rest waits for the next look.
                    await stop.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    private bool IsFresh(string numberId) =>
        _known.TryGetValue(numberId, out var entry) && clock.GetUtcNow() - entry.At < Lifetime;
}
