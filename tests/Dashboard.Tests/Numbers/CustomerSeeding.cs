using Dashboard.Core.Customers;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Numbers;

/// <summary>Customers and assignments written straight to the test database, as another screen would have left them.</summary>
internal static class CustomerSeeding
{
    public static async Task<int> AddCustomerAsync(this TestDatabase database, string name)
    {
        await using var db = database.CreateDbContext();
        var customer = new Customer { Name = name, CreatedAt = DateTime.UtcNow };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    public static async Task AssignAsync(this TestDatabase database, string numberId, int customerId)
    {
        await using var db = database.CreateDbContext();
        db.NumberAssignments.Add(new NumberAssignment { NumberId = numberId, CustomerId = customerId, AssignedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public static async Task<List<NumberAssignment>> AssignmentsAsync(this TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.NumberAssignments.AsNoTracking().ToListAsync();
    }
}
