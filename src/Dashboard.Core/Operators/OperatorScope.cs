using System.Security.Claims;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Operators;

/// <summary>
/// What one signed-in operator may see and do. Services take it as an argument and filter by it, so a page
/// that forgets to hide something still cannot show it. It is live: pages keep the scope they got when they opened, so
/// the circuit's periodic re-check (<see cref="OperatorScopes.RefreshAsync"/>) changes it in place, and a revoked scope
/// sees and may do nothing.
/// </summary>
public sealed class OperatorScope(string operatorId, string role, IReadOnlySet<int>? customerIds)
{
    private volatile Grant _grant = new(role, customerIds);

    public string OperatorId { get; } = operatorId;

    public string Role => _grant.Role;

    /// <summary>The customers a Support operator may see; null when the role sees everything.</summary>
    public IReadOnlySet<int>? CustomerIds => _grant.CustomerIds;

    /// <summary>The operator was signed out, disabled or removed since this scope was made.</summary>
    public bool IsRevoked => _grant.Revoked;

    /// <summary>Administrators and Operators see every customer and every number, assigned or not.</summary>
    public bool SeesEverything => CustomerIds is null;

    public bool CanManageNumbers => Role is OperatorRoles.Administrator or OperatorRoles.Operator;

    public bool CanManageCustomers => Role is OperatorRoles.Administrator or OperatorRoles.Operator;

    public bool CanManageOperators => Role is OperatorRoles.Administrator;

    /// <summary>Whether a number assigned to <paramref name="customerId"/> (null: unassigned) is visible.</summary>
    public bool CanSee(int? customerId)
    {
        var customers = CustomerIds;
        return customers is null || (customerId is { } id && customers.Contains(id));
    }

    /// <summary>A scope for nobody: what a page gets once its operator is signed out.</summary>
    public static OperatorScope Nobody()
    {
        var scope = new OperatorScope("", "", new HashSet<int>());
        scope.Revoke();
        return scope;
    }

    internal void Change(string newRole, IReadOnlySet<int>? newCustomerIds) => _grant = new Grant(newRole, newCustomerIds);

    internal void Revoke() => _grant = Grant.None;

    // One immutable value swapped whole, so a reader never sees a new role with the old customers.
    private sealed record Grant(string Role, IReadOnlySet<int>? CustomerIds, bool Revoked = false)
    {
        public static readonly Grant None = new("", new HashSet<int>(), Revoked: true);
    }
}

/// <summary>
/// Makes the scopes of one circuit (or one request): one live scope per operator, which
/// <see cref="RefreshAsync"/> brings up to date with the database and <see cref="RevokeAll"/> empties.
/// </summary>
public sealed class OperatorScopes(IDbContextFactory<DashboardDbContext> contexts)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OperatorScope> _issued = new(StringComparer.Ordinal);

    /// <summary>The operator's scope; for a principal that is not signed in (any more), a scope that sees nothing.</summary>
    public async Task<OperatorScope> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var operatorId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (operatorId is null)
        {
            return OperatorScope.Nobody();
        }

        // One scope per operator and signed-in role: a circuit's principal does not change, so its pages share one.
        var claimedRole = user.IsInRole(OperatorRoles.Administrator) ? OperatorRoles.Administrator
            : user.IsInRole(OperatorRoles.Operator) ? OperatorRoles.Operator
            : OperatorRoles.Support;
        var key = $"{operatorId}|{claimedRole}";
        lock (_gate)
        {
            if (_issued.TryGetValue(key, out var issued))
            {
                return issued;
            }
        }

        OperatorScope scope;
        if (claimedRole != OperatorRoles.Support)
        {
            scope = new OperatorScope(operatorId, claimedRole, null);
        }
        else
        {
            // Support, and anyone without a known role, sees only the customers assigned to them: by default nothing.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            scope = new OperatorScope(operatorId, OperatorRoles.Support, await CustomersOfAsync(db, operatorId, cancellationToken));
        }

        lock (_gate)
        {
            return _issued.TryAdd(key, scope) ? scope : _issued[key];
        }
    }

    /// <summary>
    /// Reads each issued scope's operator from the database again: a changed role or customer list applies at once to
    /// every page that holds the scope; a disabled or deleted operator's scope is revoked.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        List<OperatorScope> issued;
        lock (_gate)
        {
            issued = [.. _issued.Values];
        }

        if (issued.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var scope in issued.Where(s => !s.IsRevoked))
        {
            var exists = await db.Users.AnyAsync(u => u.Id == scope.OperatorId && u.DisabledAt == null, cancellationToken);
            if (!exists)
            {
                scope.Revoke();
                continue;
            }

            var roles = await db.UserRoles.Where(r => r.UserId == scope.OperatorId)
                .Join(db.Roles, userRole => userRole.RoleId, role => role.Id, (_, role) => role.Name)
                .ToListAsync(cancellationToken);
            var role = roles.Contains(OperatorRoles.Administrator) ? OperatorRoles.Administrator
                : roles.Contains(OperatorRoles.Operator) ? OperatorRoles.Operator
                : OperatorRoles.Support;
            scope.Change(role, role == OperatorRoles.Support ? await CustomersOfAsync(db, scope.OperatorId, cancellationToken) : null);
        }
    }

    /// <summary>The circuit's operator is signed out: every page's scope stops seeing anything.</summary>
    public void RevokeAll()
    {
        lock (_gate)
        {
            foreach (var scope in _issued.Values)
            {
                scope.Revoke();
            }
        }
    }

    private static async Task<HashSet<int>> CustomersOfAsync(DashboardDbContext db, string operatorId, CancellationToken cancellationToken) =>
        (await db.OperatorCustomers.Where(o => o.OperatorId == operatorId).Select(o => o.CustomerId).ToListAsync(cancellationToken)).ToHashSet();
}
