using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Customers;

/// <summary>What an operator types for a customer; only the name is required.</summary>
public sealed record CustomerForm(string Name, string? ExternalReference = null, string? ContactPerson = null, string? Notes = null);

/// <summary>One line of the customers page.</summary>
/// <param name="NotConnected">Assigned numbers Pilot Status lists as anything but connected; null when the list could not be read.</param>
/// <param name="Gone">Assigned numbers Pilot Status no longer lists; 0 when the list could not be read.</param>
public sealed record CustomerSummary(int Id, string Name, string? ExternalReference, string? ContactPerson, int Numbers, int? NotConnected, int Gone);

/// <param name="ListFailure">Why the connection counts are missing, if Pilot Status could not be read.</param>
public sealed record CustomerList(IReadOnlyList<CustomerSummary> Customers, ApiFailure? ListFailure);

/// <summary>One customer, with the assigned numbers Pilot Status no longer knows (shown as such until someone removes the assignment).</summary>
public sealed record CustomerProfile(
    int Id, string Name, string? ExternalReference, string? ContactPerson, string? Notes, DateTime CreatedAt,
    int AssignedNumbers, IReadOnlyList<string> GoneNumberIds, ApiFailure? ListFailure)
{
    public CustomerForm ToForm() => new(Name, ExternalReference, ContactPerson, Notes);
}

/// <param name="Assigned">Numbers newly assigned to the customer (including those moved from another one).</param>
/// <param name="Moved">Of those, the ones that belonged to another customer before, with that customer's id.</param>
/// <param name="AlreadyAssigned">Numbers that already belonged to the customer: nothing changed for them.</param>
public sealed record AssignmentChange(IReadOnlyList<string> Assigned, IReadOnlyDictionary<string, int> Moved, IReadOnlyList<string> AlreadyAssigned);

/// <summary>
/// Customers and which numbers belong to them: local data only, Pilot Status is never changed from here. Administrators
/// and Operators manage them; Support operators see their own customers and change nothing. A customer outside the
/// operator's scope is answered exactly like one that does not exist.
/// </summary>
public sealed class CustomerAdministration(
    IDbContextFactory<DashboardDbContext> contexts,
    IPilotStatusClient pilotStatus,
    CustomerDirectory directory,
    AuditLog audit,
    TimeProvider clock)
{
    public const string NotPermitted = "Your role cannot change customers or assignments. Ask an administrator or an operator.";
    public const string NameRequired = "Enter the customer's name.";
    public const string NameTooLong = "The name is too long: use at most 200 characters.";
    public const string ReferenceTooLong = "The external reference is too long: use at most 100 characters.";
    public const string ContactTooLong = "The contact person is too long: use at most 200 characters.";
    public const string NotesTooLong = "The notes are too long: use at most 4,000 characters.";
    public const string ReferenceTaken = "Another customer already has this external reference. Check the reference, or open that customer instead.";
    public const string NoNumbersChosen = "Choose at least one number.";
    public const string UnknownNumbers = "Pilot Status does not list some of these numbers, so nothing was assigned. Reload the list and choose again.";
    public const string ChangedMeanwhile = "Someone else changed these numbers or this customer at the same moment, so nothing was changed. Reload the page and try again.";

    public static readonly ApiFailure NotFound = new(ApiFailureKind.NotFound,
        "This customer does not exist, was removed, or is not one of yours. Go back to the customers list.");

    /// <summary>Every message this service writes itself, so a test can hold them to their translations.</summary>
    public static IReadOnlyList<string> AllMessages { get; } =
    [
        NotPermitted, NameRequired, NameTooLong, ReferenceTooLong, ContactTooLong, NotesTooLong, ReferenceTaken,
        NoNumbersChosen, UnknownNumbers, ChangedMeanwhile, NotFound.Message, HiddenCharacters.InName,
    ];

    /// <param name="search">Part of the name, external reference or contact person; any case.</param>
    public async Task<CustomerList> ListAsync(OperatorScope scope, string? search = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.ExternalReference, c.ContactPerson })
            .ToListAsync(cancellationToken);
        var assignments = await db.NumberAssignments.AsNoTracking()
            .Select(a => new { a.NumberId, a.CustomerId })
            .ToListAsync(cancellationToken);

        var list = await pilotStatus.ListNumbersAsync(cancellationToken);
        var states = list.Succeeded ? list.Value.Numbers.ToDictionary(n => n.Id, n => n.State) : null;
        var byCustomer = assignments.ToLookup(a => a.CustomerId, a => a.NumberId);
        var text = search?.Trim();

        var summaries = customers
            .Where(c => scope.CanSee(c.Id))
            .Where(c => string.IsNullOrEmpty(text) || Contains(c.Name, text) || Contains(c.ExternalReference, text) || Contains(c.ContactPerson, text))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(c =>
            {
                var numbers = byCustomer[c.Id].ToList();
                int? notConnected = states is null ? null : numbers.Count(n => states.TryGetValue(n, out var s) && !s.IsOpen);
                var gone = states is null ? 0 : numbers.Count(n => !states.ContainsKey(n));
                return new CustomerSummary(c.Id, c.Name, c.ExternalReference, c.ContactPerson, numbers.Count, notConnected, gone);
            })
            .ToList();
        return new CustomerList(summaries, list.Failure);
    }

    public async Task<ApiResult<CustomerProfile>> GetAsync(OperatorScope scope, int customerId, CancellationToken cancellationToken = default)
    {
        if (!scope.CanSee(customerId))
        {
            return NotFound;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return NotFound;
        }

        var numbers = await db.NumberAssignments.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderBy(a => a.NumberId).Select(a => a.NumberId).ToListAsync(cancellationToken);
        var list = await pilotStatus.ListNumbersAsync(cancellationToken);
        var gone = list.Succeeded
            ? numbers.Except(list.Value.Numbers.Select(n => n.Id)).ToList()
            : [];
        return ApiResult.Success(new CustomerProfile(
            customer.Id, customer.Name, customer.ExternalReference, customer.ContactPerson, customer.Notes, customer.CreatedAt,
            numbers.Count, gone, list.Failure));
    }

    /// <returns>The new customer's id.</returns>
    public async Task<ApiResult<int>> CreateAsync(OperatorScope scope, CustomerForm form, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageCustomers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        var (clean, problem) = Check(form);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await ReferenceTakenAsync(db, clean.ExternalReference, exceptId: null, cancellationToken))
        {
            return new ApiFailure(ApiFailureKind.Conflict, ReferenceTaken);
        }

        var customer = new Customer
        {
            Name = clean.Name,
            ExternalReference = clean.ExternalReference,
            ContactPerson = clean.ContactPerson,
            Notes = clean.Notes,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Customers.Add(customer);
        if (!await TrySaveAsync(db))
        {
            return new ApiFailure(ApiFailureKind.Conflict, ReferenceTaken);
        }

        directory.Invalidate();
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.CustomerCreated, CustomerId: customer.Id, Detail: Describe(clean)));
        return ApiResult.Success(customer.Id);
    }

    public async Task<ApiResult<int>> UpdateAsync(OperatorScope scope, int customerId, CustomerForm form, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageCustomers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        var (clean, problem) = Check(form);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || !scope.CanSee(customerId))
        {
            return NotFound;
        }

        if (await ReferenceTakenAsync(db, clean.ExternalReference, exceptId: customerId, cancellationToken))
        {
            return new ApiFailure(ApiFailureKind.Conflict, ReferenceTaken);
        }

        var before = new CustomerForm(customer.Name, customer.ExternalReference, customer.ContactPerson, customer.Notes);
        if (before == clean)
        {
            return ApiResult.Success(customerId);
        }

        (customer.Name, customer.ExternalReference, customer.ContactPerson, customer.Notes) =
            (clean.Name, clean.ExternalReference, clean.ContactPerson, clean.Notes);
        if (!await TrySaveAsync(db))
        {
            return new ApiFailure(ApiFailureKind.Conflict, ReferenceTaken);
        }

        directory.Invalidate();
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.CustomerChanged, CustomerId: customerId, Detail: Changes(before, clean)));
        return ApiResult.Success(customerId);
    }

    /// <summary>Removes the customer here only: its numbers stay in Pilot Status, unassigned.</summary>
    /// <returns>How many numbers became unassigned.</returns>
    public async Task<ApiResult<int>> RemoveAsync(OperatorScope scope, int customerId, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageCustomers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || !scope.CanSee(customerId))
        {
            return NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unassigned = await db.NumberAssignments.Where(a => a.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.OperatorCustomers.Where(o => o.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.Customers.Where(c => c.Id == customerId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        directory.Invalidate();
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.CustomerRemoved, CustomerId: customerId,
            Detail: $"{customer.Name}; {unassigned} number(s) left unassigned"));
        return ApiResult.Success(unassigned);
    }

    /// <summary>
    /// Assigns numbers Pilot Status lists to the customer, taking them from any customer they belonged to. One audit
    /// entry lists every number that changed.
    /// </summary>
    public async Task<ApiResult<AssignmentChange>> AssignAsync(
        OperatorScope scope, int customerId, IReadOnlyCollection<string> numberIds, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageCustomers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        var ids = numberIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, NoNumbersChosen);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!scope.CanSee(customerId) || !await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return NotFound;
        }

        var list = await pilotStatus.ListNumbersAsync(cancellationToken);
        if (!list.Succeeded)
        {
            return list.Failure;
        }

        var listed = list.Value.Numbers.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Any(id => !listed.Contains(id)))
        {
            return new ApiFailure(ApiFailureKind.NotFound, UnknownNumbers);
        }

        var existing = await db.NumberAssignments.Where(a => ids.Contains(a.NumberId)).ToDictionaryAsync(a => a.NumberId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        List<string> assigned = [], already = [];
        Dictionary<string, int> moved = [];
        foreach (var id in ids)
        {
            if (existing.TryGetValue(id, out var current))
            {
                if (current.CustomerId == customerId)
                {
                    already.Add(id);
                    continue;
                }

                moved[id] = current.CustomerId;
                (current.CustomerId, current.AssignedAt, current.AssignedBy) = (customerId, now, scope.OperatorId);
            }
            else
            {
                db.NumberAssignments.Add(new NumberAssignment { NumberId = id, CustomerId = customerId, AssignedAt = now, AssignedBy = scope.OperatorId });
            }

            assigned.Add(id);
        }

        var change = new AssignmentChange(assigned, moved, already);
        if (assigned.Count == 0)
        {
            return ApiResult.Success(change);
        }

        if (!await TrySaveAsync(db))
        {
            // Another operator assigned one of these numbers first, or removed the customer: our rows are stale.
            directory.Invalidate();
            return new ApiFailure(ApiFailureKind.Conflict, ChangedMeanwhile);
        }

        directory.Invalidate();
        var detail = $"Assigned: {string.Join(", ", assigned)}"
            + (moved.Count == 0 ? "" : $"; moved from another customer: {string.Join(", ", moved.Select(m => $"{m.Key} (customer {m.Value})"))}");
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.AssignmentsChanged, NumberId: assigned.Count == 1 ? assigned[0] : null,
            CustomerId: customerId, Detail: detail));
        return ApiResult.Success(change);
    }

    /// <summary>Leaves the numbers without a customer, also those Pilot Status no longer lists.</summary>
    /// <returns>The numbers whose assignment was removed.</returns>
    public async Task<ApiResult<IReadOnlyList<string>>> UnassignAsync(
        OperatorScope scope, IReadOnlyCollection<string> numberIds, CancellationToken cancellationToken = default)
    {
        if (!scope.CanManageCustomers)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        var ids = numberIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, NoNumbersChosen);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.NumberAssignments.Where(a => ids.Contains(a.NumberId)).ToListAsync(cancellationToken);
        if (removed.Count == 0)
        {
            return ApiResult.Success<IReadOnlyList<string>>([]);
        }

        db.NumberAssignments.RemoveRange(removed);
        if (!await TrySaveAsync(db))
        {
            // Another operator removed or moved one of them after we read it.
            directory.Invalidate();
            return new ApiFailure(ApiFailureKind.Conflict, ChangedMeanwhile);
        }

        directory.Invalidate();

        var customers = removed.Select(a => a.CustomerId).Distinct().ToList();
        var numbers = removed.Select(a => a.NumberId).Order(StringComparer.Ordinal).ToList();
        await audit.RecordAsync(scope, new AuditEvent(AuditActions.AssignmentsChanged,
            NumberId: numbers.Count == 1 ? numbers[0] : null,
            CustomerId: customers.Count == 1 ? customers[0] : null,
            Detail: $"Unassigned: {string.Join(", ", removed.Select(a => customers.Count == 1 ? a.NumberId : $"{a.NumberId} (customer {a.CustomerId})"))}"));
        return ApiResult.Success<IReadOnlyList<string>>(numbers);
    }

    /// <summary>The customers numbers can be assigned to, by name, for pickers.</summary>
    public async Task<IReadOnlyList<CustomerChoice>> ChoicesAsync(OperatorScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking().Select(c => new CustomerChoice(c.Id, c.Name)).ToListAsync(cancellationToken);
        return customers.Where(c => scope.CanSee(c.Id)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private static (CustomerForm Clean, ApiFailure? Problem) Check(CustomerForm form)
    {
        var clean = new CustomerForm(form.Name?.Trim() ?? "", Blank(form.ExternalReference), Blank(form.ContactPerson), Blank(form.Notes));
        var problem =
            clean.Name.Length == 0 ? NameRequired
            : clean.Name.Length > 200 ? NameTooLong
            : HiddenCharacters.Any(clean.Name) ? HiddenCharacters.InName
            : clean.ExternalReference?.Length > 100 ? ReferenceTooLong
            : clean.ContactPerson?.Length > 200 ? ContactTooLong
            : clean.Notes?.Length > 4000 ? NotesTooLong
            : null;
        return (clean, problem is null ? null : new ApiFailure(ApiFailureKind.InvalidRequest, problem));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Task<bool> ReferenceTakenAsync(DashboardDbContext db, string? reference, int? exceptId, CancellationToken cancellationToken) =>
        reference is null
            ? Task.FromResult(false)
            : db.Customers.AnyAsync(c => c.ExternalReference == reference && c.Id != exceptId, cancellationToken);

    /// <summary>
    /// The database catches what changed between our read and the save (two operators at once): a reference taken,
    /// an assignment added, moved or removed, a customer removed.
    /// </summary>
    private static async Task<bool> TrySaveAsync(DashboardDbContext db)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static bool Contains(string? haystack, string needle) => haystack?.Contains(needle, StringComparison.CurrentCultureIgnoreCase) == true;

    private static string Describe(CustomerForm form) =>
        $"{form.Name}" + (form.ExternalReference is null ? "" : $" (reference {form.ExternalReference})");

    private static string Changes(CustomerForm before, CustomerForm after)
    {
        List<string> changes = [];
        if (before.Name != after.Name) changes.Add($"name: {before.Name} → {after.Name}");
        if (before.ExternalReference != after.ExternalReference) changes.Add($"reference: {before.ExternalReference ?? "none"} → {after.ExternalReference ?? "none"}");
        if (before.ContactPerson != after.ContactPerson) changes.Add($"contact: {before.ContactPerson ?? "none"} → {after.ContactPerson ?? "none"}");
        if (before.Notes != after.Notes) changes.Add("notes changed");
        return string.Join("; ", changes);
    }
}
