using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Setup;

/// <summary>
/// One row, written in the same transaction as the first administrator. Its fixed key makes a second,
/// concurrent first-run setup fail at the database instead of creating a second administrator.
/// </summary>
public sealed class SetupMarker
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public DateTime CompletedAt { get; set; }

    public string AdministratorId { get; set; } = "";
}

internal sealed class SetupMarkerConfiguration : IEntityTypeConfiguration<SetupMarker>
{
    public void Configure(EntityTypeBuilder<SetupMarker> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.AdministratorId).HasMaxLength(450);
    }
}
