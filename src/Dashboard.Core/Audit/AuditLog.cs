using System.Security.Claims;
using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Audit;

/// <summary>What happened, to what, for <see cref="AuditLog.RecordAsync"/>.</summary>
public sealed record AuditEvent(string Action, string? NumberId = null, int? CustomerId = null, string? Detail = null);

/// <summary>Appends entries to the audit log. There is deliberately no update or delete.</summary>
public sealed partial class AuditLog(
    IDbContextFactory<DashboardDbContext> contexts,
    RequestOrigin origin,
    TimeProvider clock,
    ILogger<AuditLog> logger)
{
    /// <summary>Records what a signed-in operator did.</summary>
    public Task RecordAsync(ClaimsPrincipal who, AuditEvent what, CancellationToken cancellationToken = default) =>
        RecordAsync(who.FindFirstValue(ClaimTypes.NameIdentifier), who.FindFirstValue(ClaimTypes.Email) ?? who.Identity?.Name, what, cancellationToken);

    /// <summary>Records what the operator of a service call did; services hold a scope, not the principal, so the email is read here.</summary>
    public async Task RecordAsync(OperatorScope who, AuditEvent what, CancellationToken cancellationToken = default)
    {
        string? email;
        await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
        {
            email = await db.Users.Where(u => u.Id == who.OperatorId).Select(u => u.Email).SingleOrDefaultAsync(CancellationToken.None);
        }

        await RecordAsync(who.OperatorId, email, what, cancellationToken);
    }

    /// <summary>Records an action by an operator known by id and email, or by nobody (a failed sign-in for an unknown email).</summary>
    public async Task RecordAsync(string? operatorId, string? operatorEmail, AuditEvent what, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(what.Action);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = what.Action,
            OperatorId = operatorId,
            OperatorEmail = Truncate(operatorEmail, 256),
            NumberId = what.NumberId,
            CustomerId = what.CustomerId,
            Detail = Truncate(what.Detail, 1000),
            IpAddress = origin.IpAddress,
        });

        // The action has already happened; the audit write must say so even if the operator closed the page meanwhile.
        await db.SaveChangesAsync(CancellationToken.None);
        LogRecorded(what.Action, operatorId, what.NumberId, what.CustomerId);
    }

    private static string? Truncate(string? value, int length) => value is { Length: var n } && n > length ? value[..length] : value;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit: {Action} by {OperatorId} (number {NumberId}, customer {CustomerId})")]
    private partial void LogRecorded(string action, string? operatorId, string? numberId, int? customerId);
}
