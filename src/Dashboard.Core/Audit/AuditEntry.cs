using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Audit;

/// <summary>
/// One thing an operator (or the sign-in page, for someone not yet signed in) did. Entries are only ever added:
/// nothing in the app updates or deletes them.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The operator's id; null when nobody is signed in (a failed sign-in for an unknown email).</summary>
    public string? OperatorId { get; set; }

    /// <summary>The operator's email as it was at the time, so the entry still reads after the operator is renamed.</summary>
    public string? OperatorEmail { get; set; }

    public string? NumberId { get; set; }

    public int? CustomerId { get; set; }

    /// <summary>What else a reader needs: the email tried, the role given, the reason a connect gave up. Never a secret.</summary>
    public string? Detail { get; set; }

    public string? IpAddress { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(64).IsRequired();
        builder.Property(a => a.OperatorId).HasMaxLength(450);
        builder.Property(a => a.OperatorEmail).HasMaxLength(256);
        builder.Property(a => a.NumberId).HasMaxLength(100);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.OperatorId, a.At });
        builder.HasIndex(a => new { a.NumberId, a.At });
        builder.HasIndex(a => new { a.CustomerId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
    }
}
