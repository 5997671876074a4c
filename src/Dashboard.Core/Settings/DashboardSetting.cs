using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Settings;

/// <summary>
/// A setting an administrator changes from the app (not the operator's appsettings.json), stored as text under a
/// fixed key. Keys are listed in <see cref="DashboardSettingKeys"/>.
/// </summary>
public sealed class DashboardSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTime ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}

public static class DashboardSettingKeys
{
    /// <summary>"true" when every operator must sign in with two factors.</summary>
    public const string RequireTwoFactor = "security.require-2fa";

    /// <summary>"true" when Support operators may send test messages.</summary>
    public const string SupportMaySendTestMessages = "messages.support-may-test-send";

    /// <summary>The unguessable token in the live-updates webhook receiver's URL, made once per installation.</summary>
    public const string WebhookReceiverToken = "live-updates.receiver-token";

    /// <summary>"true" once an administrator enabled live updates: new numbers get the receiver webhook when created.</summary>
    public const string LiveUpdatesEnabled = "live-updates.enabled";
}

internal sealed class DashboardSettingConfiguration : IEntityTypeConfiguration<DashboardSetting>
{
    public void Configure(EntityTypeBuilder<DashboardSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.ChangedBy).HasMaxLength(450);
    }
}
