using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Numbers;

/// <summary>
/// One number's detail, adding a number and removing one. Every method checks the operator's scope first; a number
/// the operator may not see is reported exactly like one that does not exist.
/// </summary>
public sealed class NumberAdministration(
    IPilotStatusClient pilotStatus,
    NumberFleet fleet,
    CustomerDirectory directory,
    IDbContextFactory<DashboardDbContext> contexts,
    DuplicateSubmitGuard submits,
    TimeProvider clock,
    AuditLog audit,
    NumberStateBook? states = null,
    LiveUpdatesSetup? liveUpdates = null)
{
    public const string NameRequired = "Enter a name for the number, for example Support or the customer's name.";
    public const string NotPermittedToAdd = "Your role cannot add numbers. Ask an administrator or an operator to add it.";
    public const string NotPermittedToRemove = "Your role cannot remove numbers. Ask an administrator or an operator to remove it.";
    public const string UnknownCustomer = "The chosen customer no longer exists. Choose another customer, or none.";
    public const string DigitsDoNotMatch = "Those are not the last four digits of this number's phone, so nothing was removed. Type them again.";
    public const string NoPhoneToConfirm = "Pilot Status lists no phone for this number, so its removal cannot be confirmed here.";
    public const string AssignmentFailed = "The number was created, but it could not be assigned to the customer. Assign it again from the customer's page.";
    public const string CreateUnconfirmed = "Pilot Status did not confirm the new number, so it may have been created anyway. Check the numbers list before adding it again.";

    /// <summary>Every message this service writes itself, so a test can hold them to their translations.</summary>
    public static IReadOnlyList<string> AllMessages { get; } =
    [
        NameRequired, NotPermittedToAdd, NotPermittedToRemove, UnknownCustomer, DigitsDoNotMatch, NoPhoneToConfirm,
        AssignmentFailed, CreateUnconfirmed, NumberFleet.NotFound.Message, HiddenCharacters.InName,
    ];

    /// <param name="refreshFromMeta">Have Pilot Status read Meta's Graph API live instead of its cached snapshot.</param>
    public async Task<ApiResult<NumberOverview>> GetDetailAsync(
        OperatorScope scope, string numberId, bool refreshFromMeta = false, CancellationToken cancellationToken = default)
    {
        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        if (!row.Succeeded)
        {
            return row.Failure;
        }

        var detailCall = pilotStatus.GetNumberAsync(numberId, refreshFromMeta, cancellationToken);
        var liveCall = pilotStatus.GetLiveStatusAsync(numberId, cancellationToken);
        await Task.WhenAll(detailCall, liveCall);
        var (detail, live) = (detailCall.Result, liveCall.Result);

        if (detail.Failure is { Kind: ApiFailureKind.NotFound })
        {
            // The shared list still had it, Pilot Status no longer does: let the list catch up.
            pilotStatus.InvalidateNumberList();
            return NumberFleet.NotFound;
        }

        if (live.Succeeded)
        {
            states?.Observe(numberId, live.Value.State, live.Value.Ready, StatusChangeSource.Poll, "live status", live.Value.CheckedAt);
        }

        var listed = row.Value.Number;
        return ApiResult.Success(new NumberOverview(Merge(listed, detail), row.Value.CustomerId, row.Value.CustomerName, detail, live));
    }

    /// <param name="phoneAsTyped">Any way people write a phone; read as Brazilian unless it starts with + and another country code.</param>
    /// <summary>
    /// What a new number needs before Pilot Status is asked, for adding it here or by a connection link: a name, a phone
    /// that parses, and (if given) a customer that exists and that the operator may see.
    /// </summary>
    internal static async Task<ApiResult<(string E164, string? CustomerName)>> CheckNewNumberAsync(
        IDbContextFactory<DashboardDbContext> contexts, OperatorScope scope, string name, string phoneAsTyped, int? customerId,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, NameRequired);
        }

        if (HiddenCharacters.Any(name))
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, HiddenCharacters.InName);
        }

        var phone = PhoneInput.Check(phoneAsTyped);
        if (!phone.IsValid)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, phone.Problem);
        }

        string? customerName = null;
        if (customerId is { } id)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            customerName = await db.Customers.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
            if (customerName is null || !scope.CanSee(id))
            {
                return new ApiFailure(ApiFailureKind.InvalidRequest, UnknownCustomer);
            }
        }

        return ApiResult.Success((phone.E164, customerName));
    }

    /// <param name="requestId">One per opening of the add dialog: repeated calls with it return the first call's result.</param>
    public async Task<ApiResult<AddedNumber>> AddAsync(
        OperatorScope scope, string name, string phoneAsTyped, int? customerId, Guid requestId, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageNumbers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermittedToAdd);
        }

        var input = await CheckNewNumberAsync(contexts, scope, name, phoneAsTyped, customerId, cancellationToken);
        if (!input.Succeeded)
        {
            return input.Failure;
        }

        var (e164, customerName) = input.Value;

        return await submits.RunOnceAsync(
            requestId,
            () => CreateAsync(scope, new NewNumber(name.Trim(), e164), customerId, customerName),
            keep: result => result.Succeeded || !NothingWasCreated(result.Failure));
    }

    /// <param name="typedLastFourDigits">What the operator typed to confirm: it must be the last four digits of the phone.</param>
    public async Task<ApiResult<NumberRemoval>> RemoveAsync(
        OperatorScope scope, string numberId, string typedLastFourDigits, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageNumbers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermittedToRemove);
        }

        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        if (!row.Succeeded)
        {
            return row.Failure;
        }

        if (LastFourDigits(row.Value.Number.Phone) is null)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, NoPhoneToConfirm);
        }

        if (!ConfirmsRemoval(row.Value.Number.Phone, typedLastFourDigits))
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, DigitsDoNotMatch);
        }

        var deleted = await pilotStatus.DeleteNumberAsync(numberId, cancellationToken);
        var alreadyGone = deleted.Failure is { Kind: ApiFailureKind.NotFound };
        if (!deleted.Succeeded && !alreadyGone)
        {
            return deleted.Failure;
        }

        // Gone upstream either way (so past cancelling): our assignment would only leave a customer with a number that does not exist.
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.NumberAssignments.Where(a => a.NumberId == numberId).ExecuteDeleteAsync(CancellationToken.None);
        directory.Invalidate();
        var number = row.Value.Number;
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.NumberRemoved, NumberId: numberId, CustomerId: row.Value.CustomerId,
            Detail: $"{number.Name} ({number.Phone})" + (alreadyGone ? "; Pilot Status had already removed it" : "")));
        states?.Observe(numberId, NumberStateChanged.Removed, ready: false, StatusChangeSource.Operator, "removed from the dashboard");
        return ApiResult.Success(new NumberRemoval(numberId, alreadyGone));
    }


    public static string? LastFourDigits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? digits[^4..] : null;
    }

    public static bool ConfirmsRemoval(string? phone, string? typed) =>
        LastFourDigits(phone) is { } lastFour && string.Equals(typed?.Trim(), lastFour, StringComparison.Ordinal);

    private async Task<ApiResult<AddedNumber>> CreateAsync(OperatorScope scope, NewNumber number, int? customerId, string? customerName)
    {
        // Not the caller's token: once sent, the create must finish and be recorded for anyone waiting on the same request id.
        var created = await pilotStatus.CreateNumberAsync(number, CancellationToken.None);
        if (!created.Succeeded)
        {
            return NothingWasCreated(created.Failure)
                ? created.Failure
                : created.Failure with { Message = CreateUnconfirmed };
        }

        var assigned = customerId is { } id && await TryAssignNewNumberAsync(contexts, directory, clock, scope, created.Value.Id, id);

        // Written once the assignment is known, so the entry names a customer only if the number really went to it.
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.NumberAdded, NumberId: created.Value.Id,
            CustomerId: assigned ? customerId : null, Detail: $"{number.Name} ({number.Phone})"));
        if (liveUpdates is not null)
        {
            await liveUpdates.AddToNewNumberAsync(created.Value.Id, CancellationToken.None);
        }

        return ApiResult.Success(new AddedNumber(created.Value, assigned ? customerName : null, customerId is not null && !assigned ? AssignmentFailed : null));
    }

    /// <summary>
    /// Assigns a number Pilot Status has just created (added here or by a connection link) to the chosen customer. False
    /// when the customer was removed in the meantime: the number exists upstream all the same and is reported as created.
    /// </summary>
    internal static async Task<bool> TryAssignNewNumberAsync(
        IDbContextFactory<DashboardDbContext> contexts, CustomerDirectory directory, TimeProvider clock, OperatorScope scope, string numberId, int customerId)
    {
        try
        {
            // Not the caller's token: the number exists now, and its customer should be recorded whatever the page does.
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.NumberAssignments.Add(new NumberAssignment
            {
                NumberId = numberId,
                CustomerId = customerId,
                AssignedAt = clock.GetUtcNow().UtcDateTime,
                AssignedBy = scope.OperatorId,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            directory.Invalidate();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Pilot Status answered and refused, so trying again cannot create a second number; a timeout or an unreadable answer might have.</summary>
    private static bool NothingWasCreated(ApiFailure failure) =>
        failure.Kind is not (ApiFailureKind.Unavailable or ApiFailureKind.MalformedResponse);

    private static WhatsAppNumber Merge(WhatsAppNumber listed, ApiResult<NumberDetail> detail)
    {
        if (!detail.Succeeded)
        {
            return listed;
        }

        var fresh = detail.Value.Number;
        return fresh with
        {
            Name = fresh.Name ?? listed.Name,
            InstanceName = fresh.InstanceName ?? listed.InstanceName,
            Phone = fresh.Phone ?? listed.Phone,
            Provider = fresh.Provider.Value.Length > 0 ? fresh.Provider : listed.Provider,
            CreatedAt = fresh.CreatedAt ?? listed.CreatedAt,
            UpdatedAt = fresh.UpdatedAt ?? listed.UpdatedAt,
            ApiKeys = fresh.ApiKeys.Count > 0 ? fresh.ApiKeys : listed.ApiKeys,
        };
    }
}
