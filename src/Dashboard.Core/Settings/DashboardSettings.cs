using Dashboard.Core.Cluster;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Settings;

/// <summary>
/// Reads and writes <see cref="DashboardSetting"/> rows, and tells the other instances which key was written so their
/// copies in memory are dropped. Callers audit the change; this only stores it.
/// </summary>
public sealed class DashboardSettings(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, IClusterBus? cluster = null)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DashboardSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> GetFlagAsync(string key, CancellationToken cancellationToken = default) =>
        string.Equals(await GetAsync(key, cancellationToken), "true", StringComparison.OrdinalIgnoreCase);

    public async Task SetAsync(string key, string value, string? changedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var setting = await db.DashboardSettings.FindAsync([key], cancellationToken);
        if (setting is null)
        {
            setting = new DashboardSetting { Key = key };
            db.DashboardSettings.Add(setting);
        }

        setting.Value = value;
        setting.ChangedAt = clock.GetUtcNow().UtcDateTime;
        setting.ChangedBy = changedBy;
        await db.SaveChangesAsync(cancellationToken);
        cluster?.Publish(ClusterTopic.Setting, key);
    }

    public Task SetFlagAsync(string key, bool value, string? changedBy, CancellationToken cancellationToken = default) =>
        SetAsync(key, value ? "true" : "false", changedBy, cancellationToken);
}
