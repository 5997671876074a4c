using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.LiveUpdates;

/// <summary>
/// One webhook delivery, stored before it is answered 200 and processed by whichever instance claims it first.
/// <see cref="DedupeKey"/> is unique: a redelivery to any instance is stored once.
/// </summary>
public sealed class InboxEvent
{
    public const int MaxKeyLength = 200;

    public long Id { get; set; }

    /// <summary><c>event | data.id | data.createdAt</c>, or the body's hash when the event has no id.</summary>
    public string DedupeKey { get; set; } = "";

    public string Event { get; set; } = "";

    /// <summary>The event's <c>data</c> object as JSON.</summary>
    public string Data { get; set; } = "";

    public DateTime ReceivedAt { get; set; }

    /// <summary>Set by the instance that claimed the event for processing; another may claim it once <see cref="ClaimedUntil"/> passes.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>How many times it was claimed: more than one means an instance stopped (or was killed) while holding it.</summary>
    public int Claims { get; set; }

    public DateTime? ProcessedAt { get; set; }
}

internal sealed class InboxEventConfiguration : IEntityTypeConfiguration<InboxEvent>
{
    public void Configure(EntityTypeBuilder<InboxEvent> builder)
    {
        builder.ToTable("InboxEvents");
        builder.Property(e => e.DedupeKey).HasMaxLength(InboxEvent.MaxKeyLength).IsRequired();
        builder.HasIndex(e => e.DedupeKey).IsUnique();
        builder.Property(e => e.Event).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Data).IsRequired();
        builder.HasIndex(e => new { e.ProcessedAt, e.ClaimedUntil });
    }
}
