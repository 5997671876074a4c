using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Cluster;
using Dashboard.Core.Settings;

namespace Dashboard.Core.LiveUpdates;

/// <summary>
/// The unguessable token in the receiver's URL (<c>/hooks/pilot-status/{token}</c>): made once per installation, stored as
/// a dashboard setting and held in memory. Pilot Status's signature is not documented, so this token is what
/// authenticates a delivery.
/// </summary>
public sealed class ReceiverToken
{
    private readonly DashboardSettings _settings;

    public ReceiverToken(DashboardSettings settings, IClusterBus? cluster = null)
    {
        _settings = settings;

        // Another instance that makes the token tells every instance, so "no token yet" can be believed until then.
        cluster?.Subscribe(ClusterTopic.Setting, signal =>
        {
            if (signal.Key is null or DashboardSettingKeys.WebhookReceiverToken)
            {
                Forget();
            }
        });
    }

    /// <summary>The receiver's path; the token follows it.</summary>
    public const string PathPrefix = "/hooks/pilot-status";

    /// <summary>
    /// A webhook URL fit for a screen or the audit log: the receiver's token is what authenticates Pilot Status, so only
    /// its first four characters are kept. Any other URL is returned as it is.
    /// </summary>
    public static string Redact(string url)
    {
        var at = url.IndexOf(PathPrefix + "/", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return url;
        }

        var token = at + PathPrefix.Length + 1;
        return url.Length - token > 8 ? url[..(token + 4)] + "…" : url;
    }

    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile Known? _known;
    private volatile bool _knownAbsent;
    private long _generation;

    /// <summary>The token, made and stored now if this installation has none yet.</summary>
    public async Task<string> GetOrCreateAsync(CancellationToken cancellationToken = default)
    {
        if ((await LoadAsync(believeAbsence: false, cancellationToken)) is { } existing)
        {
            return existing.Token;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            if ((await LoadAsync(believeAbsence: false, cancellationToken)) is { } made)
            {
                return made.Token;
            }

            var token = Base64Url(RandomNumberGenerator.GetBytes(32));
            await _settings.SetAsync(DashboardSettingKeys.WebhookReceiverToken, token, changedBy: null, cancellationToken);
            _known = new Known(token, Hash(token));
            return token;
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> is the token. Both are hashed first and the hashes compared in constant time,
    /// so neither the content nor the length of the real token shows in how long a wrong guess takes.
    /// </summary>
    public async Task<bool> MatchesAsync(string? candidate, CancellationToken cancellationToken = default)
    {
        var known = await LoadAsync(believeAbsence: true, cancellationToken);
        var guess = Hash(candidate ?? "");
        return known is not null && CryptographicOperations.FixedTimeEquals(guess, known.Hash);
    }

    private async Task<Known?> LoadAsync(bool believeAbsence, CancellationToken cancellationToken)
    {
        if (_known is { } cached)
        {
            return cached;
        }

        // Until live updates are enabled every delivery is refused, and anyone may post to the receiver: each post must not cost a query.
        if (believeAbsence && _knownAbsent)
        {
            return null;
        }

        var generation = Interlocked.Read(ref _generation);
        var stored = await _settings.GetAsync(DashboardSettingKeys.WebhookReceiverToken, cancellationToken);
        if (generation != Interlocked.Read(ref _generation))
        {
            return string.IsNullOrEmpty(stored) ? null : new Known(stored, Hash(stored)); // Told of a write meanwhile: not kept.
        }

        if (string.IsNullOrEmpty(stored))
        {
            _knownAbsent = true;
            return null;
        }

        return _known = new Known(stored, Hash(stored));
    }

    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _known = null;
        _knownAbsent = false;
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Known(string Token, byte[] Hash);
}
