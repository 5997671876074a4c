using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.Settings;
using Dashboard.Core.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Operators;

/// <summary>One row of the Operators page.</summary>
public sealed record OperatorSummary(
    string Id,
    string Email,
    string DisplayName,
    string Role,
    IReadOnlyList<int> CustomerIds,
    bool TwoFactorEnabled,
    DateTime? LastSignInAt,
    DateTime? DisabledAt)
{
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>A new operator; without a password the administrator hands over a one-time set-password link instead.</summary>
public sealed record NewOperator(string Email, string DisplayName, string Role, string? Password, IReadOnlyCollection<int>? CustomerIds = null);

/// <summary>
/// What an administrator asked for and how it went. <see cref="Error"/> is an English sentence the UI translates;
/// <see cref="SetPasswordLink"/> (relative to the app's base address) is shown once to hand over.
/// </summary>
public sealed record OperatorOutcome(bool Succeeded, string? Error = null, string? SetPasswordLink = null)
{
    public static OperatorOutcome Done(string? link = null) => new(true, null, link);

    public static OperatorOutcome Refused(string error) => new(false, error);
}

/// <summary>
/// The Operators page's work: create operators, change their role and customers, disable, enable, reset a password and
/// require two-factor sign-in. Only administrators may call it (checked here, not only by the page), every change is
/// audited, and an administrator can neither lock themselves out nor leave the dashboard without an administrator.
/// Identity's UserManager tracks what it loads, so each call takes one from a scope of its own: the page lives as long
/// as its circuit, and must not keep editing yesterday's copy of an operator.
/// </summary>
public sealed class OperatorAdministration(
    IDbContextFactory<DashboardDbContext> contexts,
    IServiceScopeFactory scopes,
    TwoFactorRequirement twoFactor,
    OperatorChanges changes,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<OperatorSummary>> ListAsync(ClaimsPrincipal administrator, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(administrator);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var operators = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var customers = await db.OperatorCustomers.AsNoTracking().ToListAsync(cancellationToken);

        return operators.Select(o => new OperatorSummary(
                o.Id,
                o.Email ?? "",
                o.DisplayName,
                RoleOf(roles.Where(r => r.UserId == o.Id).Select(r => r.Name)),
                customers.Where(c => c.OperatorId == o.Id).Select(c => c.CustomerId).Order().ToList(),
                o.TwoFactorEnabled,
                o.LastSignInAt,
                o.DisabledAt))
            .ToList();
    }

    public async Task<IReadOnlyList<CustomerChoice>> ListCustomersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking().OrderBy(c => c.Name).Select(c => new CustomerChoice(c.Id, c.Name)).ToListAsync(cancellationToken);
    }

    public async Task<OperatorOutcome> CreateAsync(ClaimsPrincipal administrator, NewOperator request, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(administrator);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var email = request.Email?.Trim() ?? "";
        if (!new EmailAddressAttribute().IsValid(email) || email.Length == 0)
        {
            return OperatorOutcome.Refused("Enter the operator's email address, such as maria@example.com.");
        }

        if (!OperatorRoles.All.Contains(request.Role))
        {
            return OperatorOutcome.Refused("Choose a role: Administrator, Operator or Support.");
        }

        if (request.Password is { } password && password.Length < OperatorPasswordPolicy.MinimumLength)
        {
            return OperatorOutcome.Refused("The initial password must be at least 12 characters long, or leave it empty to hand over a set-password link.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return OperatorOutcome.Refused("An operator with this email already exists.");
        }

        var created = new Operator
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = string.IsNullOrEmpty(request.Password) ? await users.CreateAsync(created) : await users.CreateAsync(created, request.Password);
        if (!result.Succeeded)
        {
            return OperatorOutcome.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(created, request.Role);
        IReadOnlyCollection<int> customers = request.Role == OperatorRoles.Support ? request.CustomerIds ?? [] : [];
        await ReplaceCustomersAsync(created.Id, customers, cancellationToken);

        var link = string.IsNullOrEmpty(request.Password) ? await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreatePasswordResetLinkAsync(email) : null;
        await audit.RecordAsync(administrator, new AuditEvent(AuditActions.OperatorCreated,
            Detail: $"{email}, {request.Role}{CustomersDetail(customers)}{(link is null ? ", initial password" : ", set-password link")}"),
            cancellationToken);
        return OperatorOutcome.Done(link);
    }

    /// <summary>Sets the role and, for Support, the customers the operator may see. A role change signs them out within a minute.</summary>
    public async Task<OperatorOutcome> ChangeAsync(
        ClaimsPrincipal administrator, string operatorId, string role, IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(administrator);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        if (!OperatorRoles.All.Contains(role))
        {
            return OperatorOutcome.Refused("Choose a role: Administrator, Operator or Support.");
        }

        var target = await users.FindByIdAsync(operatorId);
        if (target is null)
        {
            return OperatorOutcome.Refused("This operator no longer exists. Reload the page.");
        }

        var currentRole = RoleOf(await users.GetRolesAsync(target));
        if (currentRole == OperatorRoles.Administrator && role != OperatorRoles.Administrator)
        {
            if (IsSelf(administrator, operatorId))
            {
                return OperatorOutcome.Refused("You cannot take the Administrator role from yourself. Ask another administrator.");
            }

            if (await EnabledAdministratorsOtherThanAsync(operatorId, cancellationToken) == 0)
            {
                return OperatorOutcome.Refused("This is the last administrator. Make someone else an administrator first.");
            }
        }

        IReadOnlyCollection<int> customers = role == OperatorRoles.Support ? customerIds : [];
        var previousCustomers = await CustomersOfAsync(operatorId, cancellationToken);
        if (currentRole == role && previousCustomers.SetEquals(customers))
        {
            return OperatorOutcome.Done();
        }

        if (currentRole != role)
        {
            await users.RemoveFromRolesAsync(target, await users.GetRolesAsync(target));
            await users.AddToRoleAsync(target, role);

            // The role is in the sign-in cookie: a new stamp makes the operator sign in again and get the new one.
            await users.UpdateSecurityStampAsync(target);
        }

        await ReplaceCustomersAsync(operatorId, customers, cancellationToken);
        changes.Tell(operatorId);
        var roleDetail = currentRole == role ? role : $"{currentRole} → {role}";
        await audit.RecordAsync(administrator, new AuditEvent(AuditActions.OperatorChanged,
            Detail: $"{target.Email}: {roleDetail}{CustomersDetail(customers)}"), cancellationToken);
        return OperatorOutcome.Done();
    }

    /// <summary>A disabled operator cannot sign in, and their open sessions end at the next revalidation (within a minute).</summary>
    public async Task<OperatorOutcome> DisableAsync(ClaimsPrincipal administrator, string operatorId, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(administrator);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        if (IsSelf(administrator, operatorId))
        {
            return OperatorOutcome.Refused("You cannot disable yourself. Ask another administrator.");
        }

        var target = await users.FindByIdAsync(operatorId);
        if (target is null)
        {
            return OperatorOutcome.Refused("This operator no longer exists. Reload the page.");
        }

        if (target.DisabledAt is not null)
        {
            return OperatorOutcome.Done();
        }

        if (RoleOf(await users.GetRolesAsync(target)) == OperatorRoles.Administrator
            && await EnabledAdministratorsOtherThanAsync(operatorId, cancellationToken) == 0)
        {
            return OperatorOutcome.Refused("This is the last administrator. Make someone else an administrator first.");
        }

        target.DisabledAt = clock.GetUtcNow().UtcDateTime;

        // Saves DisabledAt with the new stamp; the stamp is what ends the operator's sessions within a minute.
        await users.UpdateSecurityStampAsync(target);
        changes.Tell(operatorId);
        await audit.RecordAsync(administrator, new AuditEvent(AuditActions.OperatorDisabled, Detail: target.Email), cancellationToken);
        return OperatorOutcome.Done();
    }

    public async Task<OperatorOutcome> EnableAsync(ClaimsPrincipal administrator, string operatorId, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(administrator);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var target = await users.FindByIdAsync(operatorId);
        if (target is null)
        {
            return OperatorOutcome.Refused("This operator no longer exists. Reload the page.");
        }

        if (target.DisabledAt is null)
        {
            return OperatorOutcome.Done();
        }

        target.DisabledAt = null;
        await users.UpdateAsync(target);
        await users.ResetAccessFailedCountAsync(target);
        await audit.RecordAsync(administrator, new AuditEvent(AuditActions.OperatorEnabled, Detail: target.Email), cancellationToken);
        return OperatorOutcome.Done();
    }

    /// <summary>A one-time link that lets the operator choose a new password; the old one keeps working until they do.</summary>
    public async Task<OperatorOutcome> CreatePasswordResetLinkAsync(ClaimsPrincipal administrator, string operatorId, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(administrator);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var target = await users.FindByIdAsync(operatorId);
        var link = target?.Email is { } email ? await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreatePasswordResetLinkAsync(email) : null;
        if (link is null)
        {
            return OperatorOutcome.Refused("This operator no longer exists. Reload the page.");
        }

        await audit.RecordAsync(administrator, new AuditEvent(AuditActions.OperatorPasswordReset, Detail: target!.Email), cancellationToken);
        return OperatorOutcome.Done(link);
    }

    public Task<bool> IsTwoFactorRequiredAsync(CancellationToken cancellationToken = default) => twoFactor.IsRequiredAsync(cancellationToken);

    public async Task SetTwoFactorRequiredAsync(ClaimsPrincipal administrator, bool required, CancellationToken cancellationToken = default)
    {
        EnsureAdministrator(administrator);
        if (await twoFactor.IsRequiredAsync(cancellationToken) == required)
        {
            return;
        }

        await twoFactor.SetAsync(required, administrator.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        await audit.RecordAsync(administrator, new AuditEvent(AuditActions.TwoFactorRequirementChanged,
            Detail: required ? "required for every operator" : "no longer required"), cancellationToken);
    }

    private static void EnsureAdministrator(ClaimsPrincipal user)
    {
        if (!user.IsInRole(OperatorRoles.Administrator))
        {
            throw new UnauthorizedAccessException("Only administrators manage operators.");
        }
    }

    private static bool IsSelf(ClaimsPrincipal administrator, string operatorId) =>
        administrator.FindFirstValue(ClaimTypes.NameIdentifier) == operatorId;

    private static string RoleOf(IEnumerable<string?> roles)
    {
        var held = roles.ToList();
        return OperatorRoles.All.FirstOrDefault(held.Contains) ?? OperatorRoles.Support;
    }

    private static string CustomersDetail(IReadOnlyCollection<int> customers) =>
        customers.Count == 0 ? "" : $", customers {string.Join(" ", customers.Order())}";

    private async Task<int> EnabledAdministratorsOtherThanAsync(string operatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == OperatorRoles.Administrator && u.Id != operatorId && u.DisabledAt == null
                      select u.Id).CountAsync(cancellationToken);
    }

    private async Task<HashSet<int>> CustomersOfAsync(string operatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.OperatorCustomers.Where(o => o.OperatorId == operatorId).Select(o => o.CustomerId).ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task ReplaceCustomersAsync(string operatorId, IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Customers.Where(c => customerIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        await db.OperatorCustomers.Where(o => o.OperatorId == operatorId).ExecuteDeleteAsync(cancellationToken);
        db.OperatorCustomers.AddRange(existing.Distinct().Select(id => new OperatorCustomer { OperatorId = operatorId, CustomerId = id }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
