using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Numbers;

/// <summary>How the dashboard learnt of a number's state change.</summary>
public enum StatusChangeSource
{
    /// <summary>A Pilot Status webhook event (<c>number.connected</c> and so on).</summary>
    Event,

    /// <summary>A list refresh or live status call noticed it.</summary>
    Poll,

    /// <summary>An operator did it from the dashboard (connect, remove).</summary>
    Operator,
}

/// <summary>One entry of a number's status timeline, kept locally because Pilot Status keeps no history of states.</summary>
public sealed class NumberStatusChange
{
    public long Id { get; set; }

    public string NumberId { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>The Pilot Status state before (<c>OPEN</c>, <c>CONNECTING</c>, <c>CLOSE</c>); null when not known.</summary>
    public string? FromState { get; set; }

    public string ToState { get; set; } = "";

    public StatusChangeSource Source { get; set; }

    /// <summary>The event name, the operator's email, or the reason Pilot Status gave.</summary>
    public string? Detail { get; set; }
}

internal sealed class NumberStatusChangeConfiguration : IEntityTypeConfiguration<NumberStatusChange>
{
    public void Configure(EntityTypeBuilder<NumberStatusChange> builder)
    {
        builder.Property(c => c.NumberId).HasMaxLength(100).IsRequired();
        builder.Property(c => c.FromState).HasMaxLength(20);
        builder.Property(c => c.ToState).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Detail).HasMaxLength(500);
        builder.HasIndex(c => new { c.NumberId, c.At });
    }
}
