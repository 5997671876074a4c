using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Customers;

/// <summary>One of the SaaS company's own customers. Pilot Status knows numbers, not customers: this mapping is ours.</summary>
public sealed class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The SaaS company's own id for this customer, for cross-reference.</summary>
    public string? ExternalReference { get; set; }

    public string? ContactPerson { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<NumberAssignment> Numbers { get; set; } = [];
}

/// <summary>A Pilot Status number belongs to at most one customer: the number id is the key.</summary>
public sealed class NumberAssignment
{
    public string NumberId { get; set; } = "";

    public int CustomerId { get; set; }

    public Customer? Customer { get; set; }

    public DateTime AssignedAt { get; set; }

    public string? AssignedBy { get; set; }
}

/// <summary>A customer a Support operator may see.</summary>
public sealed class OperatorCustomer
{
    public string OperatorId { get; set; } = "";

    public int CustomerId { get; set; }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.ExternalReference).HasMaxLength(100);
        builder.HasIndex(c => c.ExternalReference).IsUnique().HasFilter("[ExternalReference] IS NOT NULL");
        builder.Property(c => c.ContactPerson).HasMaxLength(200);
        builder.Property(c => c.Notes).HasMaxLength(4000);
    }
}

internal sealed class NumberAssignmentConfiguration : IEntityTypeConfiguration<NumberAssignment>
{
    public void Configure(EntityTypeBuilder<NumberAssignment> builder)
    {
        builder.HasKey(a => a.NumberId);
        builder.Property(a => a.NumberId).HasMaxLength(100);
        builder.Property(a => a.AssignedBy).HasMaxLength(450);
        builder.HasIndex(a => a.CustomerId);

        // Removing a customer leaves its numbers unassigned, never deleted.
        builder.HasOne(a => a.Customer).WithMany(c => c.Numbers).HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OperatorCustomerConfiguration : IEntityTypeConfiguration<OperatorCustomer>
{
    public void Configure(EntityTypeBuilder<OperatorCustomer> builder)
    {
        builder.HasKey(o => new { o.OperatorId, o.CustomerId });
        builder.Property(o => o.OperatorId).HasMaxLength(450);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Operators.Operator>().WithMany().HasForeignKey(o => o.OperatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
