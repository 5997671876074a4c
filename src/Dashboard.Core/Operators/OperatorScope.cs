using System.Security.Claims;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Operators;

/// <summary>
/// What one signed-in operator may see and do. Services take it as an argument and filter by it, so a page
/// that forgets to hide something still cannot show it.
/// </summary>
public sealed record OperatorScope(string OperatorId, string Role, IReadOnlySet<int>? CustomerIds)
{
    /// <summary>Administrators and Operators see every customer and every number, assigned or not.</summary>
    public bool SeesEverything => CustomerIds is null;

    public bool CanManageNumbers => Role is OperatorRoles.Administrator or OperatorRoles.Operator;

    public bool CanManageCustomers => Role is OperatorRoles.Administrator or OperatorRoles.Operator;

    public bool CanManageOperators => Role is OperatorRoles.Administrator;

    /// <summary>Whether a number assigned to <paramref name="customerId"/> (null: unassigned) is visible.</summary>
    public bool CanSee(int? customerId) => SeesEverything || (customerId is { } id && CustomerIds!.Contains(id));
}

public sealed class OperatorScopes(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<OperatorScope> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var operatorId = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The operator is not signed in.");

        if (user.IsInRole(OperatorRoles.Administrator))
        {
            return new OperatorScope(operatorId, OperatorRoles.Administrator, null);
        }

        if (user.IsInRole(OperatorRoles.Operator))
        {
            return new OperatorScope(operatorId, OperatorRoles.Operator, null);
        }

        // Support, and anyone without a known role, sees only the customers assigned to them: by default nothing.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = await db.OperatorCustomers.Where(o => o.OperatorId == operatorId).Select(o => o.CustomerId).ToListAsync(cancellationToken);
        return new OperatorScope(operatorId, OperatorRoles.Support, customers.ToHashSet());
    }
}
