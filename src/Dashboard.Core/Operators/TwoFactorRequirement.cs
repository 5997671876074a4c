using Dashboard.Core.Cluster;
using Dashboard.Core.Settings;

namespace Dashboard.Core.Operators;

/// <summary>
/// Whether an administrator requires every operator to sign in with two factors. Every page request asks, so the answer
/// is kept in memory until the setting is written: here, or on another instance (its <see cref="DashboardSettings"/>
/// tells every instance through the cluster bus).
/// </summary>
public sealed class TwoFactorRequirement
{
    private readonly DashboardSettings _settings;
    private Known? _current;
    private long _generation;

    public TwoFactorRequirement(DashboardSettings settings, IClusterBus? cluster = null)
    {
        _settings = settings;
        cluster?.Subscribe(ClusterTopic.Setting, signal =>
        {
            if (signal.Key is null or DashboardSettingKeys.RequireTwoFactor)
            {
                Forget();
            }
        });
    }

    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } known)
        {
            return known.Required;
        }

        var generation = Interlocked.Read(ref _generation);
        var required = await _settings.GetFlagAsync(DashboardSettingKeys.RequireTwoFactor, cancellationToken);
        if (generation == Interlocked.Read(ref _generation))
        {
            _current = new Known(required); // Not when a write was told meanwhile: this read may predate it.
        }

        return required;
    }

    /// <summary>Stores the setting; the caller audits it.</summary>
    internal async Task SetAsync(bool required, string? changedBy, CancellationToken cancellationToken)
    {
        await _settings.SetFlagAsync(DashboardSettingKeys.RequireTwoFactor, required, changedBy, cancellationToken);
        Forget();
        _current = new Known(required);
    }

    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    private sealed record Known(bool Required);
}
