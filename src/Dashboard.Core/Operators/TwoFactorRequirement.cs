using Dashboard.Core.Settings;

namespace Dashboard.Core.Operators;

/// <summary>
/// Whether an administrator requires every operator to sign in with two factors. Every page request asks, so the answer
/// is kept in memory: our own changes replace it at once, another instance's within <see cref="Lifetime"/>.
/// </summary>
public sealed class TwoFactorRequirement(DashboardSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private (bool Required, DateTimeOffset ReadAt)? _current;

    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } known && clock.GetUtcNow() - known.ReadAt < Lifetime)
        {
            return known.Required;
        }

        var required = await settings.GetFlagAsync(DashboardSettingKeys.RequireTwoFactor, cancellationToken);
        _current = (required, clock.GetUtcNow());
        return required;
    }

    /// <summary>Stores the setting; the caller audits it.</summary>
    internal async Task SetAsync(bool required, string? changedBy, CancellationToken cancellationToken)
    {
        await settings.SetFlagAsync(DashboardSettingKeys.RequireTwoFactor, required, changedBy, cancellationToken);
        _current = (required, clock.GetUtcNow());
    }
}
