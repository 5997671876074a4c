using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Connect;

/// <param name="Name">The number's name as sent to Pilot Status.</param>
/// <param name="MaskedNumber">The phone as Pilot Status masked it ("+551199****9999"), or masked here when it did not.</param>
/// <param name="ExpiresAt">24 hours after the link was made (the documented lifetime; Pilot Status sends no expiry).</param>
/// <param name="CustomerName">The customer the new number was assigned to, or null when none was chosen or the assignment failed.</param>
/// <param name="AssignmentProblem">Set when the link was made but the number could not be assigned to the chosen customer.</param>
public sealed record PairingLinkCreated(
    RemotePairingLink Link,
    string Name,
    string MaskedNumber,
    DateTimeOffset ExpiresAt,
    string? CustomerName,
    string? AssignmentProblem);

/// <summary>
/// "Send a connection link": Pilot Status creates the number in CLOSE state and a hosted, single-use page through which
/// the customer connects it later, on their own. Only operators who may add numbers may make one; each link is audited.
/// </summary>
/// <remarks>
/// There is no link for a number that already exists: the documented endpoint (<c>POST /v1/numbers/remote-pairing</c>)
/// always creates the number, so asking it for an existing phone would add a second one (or be refused as a duplicate).
/// </remarks>
public sealed class PairingLinks(
    IPilotStatusClient pilotStatus,
    IDbContextFactory<DashboardDbContext> contexts,
    CustomerDirectory directory,
    DuplicateSubmitGuard submits,
    AuditLog audit,
    TimeProvider clock,
    LiveUpdatesSetup? liveUpdates = null)
{
    /// <summary>Documented on the embed-connect page: the token lives 24 hours and works once.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const string NotPermitted = "Your role cannot add numbers, so it cannot send connection links either. Ask an administrator or an operator.";
    public const string LinkUnconfirmed = "Pilot Status did not confirm the link, so the number may have been created anyway. Check the numbers list before trying again.";
    public const string NoNumberIdToAssign = "The link was made, but Pilot Status did not name the new number, so it could not be assigned to the customer. Assign it from the customer's page once it appears in the list.";

    /// <summary>Every message this service writes itself, so a test can hold them to their translations.</summary>
    public static IReadOnlyList<string> AllMessages { get; } = [NotPermitted, LinkUnconfirmed, NoNumberIdToAssign];

    /// <param name="who">The signed-in operator, for the audit log.</param>
    /// <param name="phoneAsTyped">Any way people write a phone; read as Brazilian unless it starts with + and another country code.</param>
    /// <param name="requestId">One per press-able form: repeated calls with it return the first call's result, so one link is made.</param>
    public async Task<ApiResult<PairingLinkCreated>> CreateForNewNumberAsync(
        OperatorScope scope,
        ClaimsPrincipal who,
        string name,
        string phoneAsTyped,
        int? customerId,
        Guid requestId,
        CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageNumbers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        var input = await NumberAdministration.CheckNewNumberAsync(contexts, scope, name, phoneAsTyped, customerId, cancellationToken);
        if (!input.Succeeded)
        {
            return input.Failure;
        }

        var (e164, customerName) = input.Value;

        return await submits.RunOnceAsync(
            requestId,
            () => CreateAsync(scope, who, name.Trim(), e164, customerId, customerName),
            keep: result => result.Succeeded || result.Failure.Kind is ApiFailureKind.Unavailable or ApiFailureKind.MalformedResponse);
    }

    /// <summary>"+551199****9999": country and area code, then only the last four digits, like Pilot Status's own mask.</summary>
    public static string Mask(string e164) => PhoneDisplay.Mask(e164);

    private async Task<ApiResult<PairingLinkCreated>> CreateAsync(
        OperatorScope scope, ClaimsPrincipal who, string name, string e164, int? customerId, string? customerName)
    {
        // Not the caller's token: once sent, the create must finish and be recorded for anyone waiting on the same request id.
        var created = await pilotStatus.CreateRemotePairingLinkAsync(new RemotePairingRequest(name, e164), CancellationToken.None);
        if (!created.Succeeded)
        {
            // A timeout or an unreadable answer: the number may exist now, so a second press must not make another.
            return created.Failure.Kind is ApiFailureKind.Unavailable or ApiFailureKind.MalformedResponse
                ? created.Failure with { Message = LinkUnconfirmed }
                : created.Failure;
        }

        var link = created.Value;
        var masked = string.IsNullOrWhiteSpace(link.MaskedNumber) ? Mask(e164) : link.MaskedNumber;
        var (assignedTo, problem) = await AssignAsync(scope, link.NumberId, customerId, customerName);

        // The customer connects it later, on their own: the live-updates webhook is what tells us when.
        if (link.NumberId is { } numberId && liveUpdates is not null)
        {
            await liveUpdates.AddToNewNumberAsync(numberId, CancellationToken.None);
        }

        await audit.RecordAsync(who, new AuditEvent(
            AuditActions.RemotePairingLinkCreated,
            NumberId: link.NumberId,
            CustomerId: assignedTo is null ? null : customerId,
            Detail: $"Connection link for {name} ({masked}), valid 24 h, single use."));

        return ApiResult.Success(new PairingLinkCreated(link, name, masked, clock.GetUtcNow() + Lifetime, assignedTo, problem));
    }

    private async Task<(string? CustomerName, string? Problem)> AssignAsync(OperatorScope scope, string? numberId, int? customerId, string? customerName)
    {
        if (customerId is not { } id)
        {
            return (null, null);
        }

        if (numberId is null)
        {
            return (null, NoNumberIdToAssign);
        }

        // A customer removed in the meantime: the number and its link exist upstream all the same.
        return await NumberAdministration.TryAssignNewNumberAsync(contexts, directory, clock, scope, numberId, id)
            ? (customerName, null)
            : (null, NumberAdministration.AssignmentFailed);
    }
}
