using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Numbers;

public sealed class NumberAdministrationTests : IDisposable
{
    private static readonly OperatorScope Administrator = new("admin-1", OperatorRoles.Administrator, null);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-07-01T12:00:00Z"));
    private readonly TestDatabase _database = new();
    private readonly ScriptedPilotStatusClient _api;
    private readonly CustomerDirectory _directory;
    private readonly NumberAdministration _administration;

    public NumberAdministrationTests()
    {
        _api = new ScriptedPilotStatusClient(_clock);
        _directory = new CustomerDirectory(_database);
        _administration = new NumberAdministration(_api, new NumberFleet(_api, _directory, new FleetIndex()), _directory, _database, new DuplicateSubmitGuard(_clock), _clock,
            new AuditLog(_database, new RequestOrigin(), _clock, NullLogger<AuditLog>.Instance));
    }

    [Fact]
    public async Task A_number_is_sent_once_in_E164_and_comes_back_with_its_QR_code_and_pairing_code()
    {
        var added = await _administration.AddAsync(Administrator, "  Vendas ", "(11) 99999-9999", null, Guid.NewGuid());

        Assert.True(added.Succeeded);
        Assert.Equal(new NewNumber("Vendas", "+5511999999999"), Assert.Single(_api.Creates));
        Assert.StartsWith("data:image/png;base64,", added.Value.Number.Connect.QrDataUri);
        Assert.Equal("ABCD-1234", added.Value.Number.Connect.PairingCode);
        Assert.Null(added.Value.CustomerName);
    }

    [Fact]
    public async Task A_bad_phone_is_refused_with_what_is_wrong_and_nothing_is_sent()
    {
        var added = await _administration.AddAsync(Administrator, "Vendas", "99999-9999", null, Guid.NewGuid());

        Assert.Equal(ApiFailureKind.InvalidRequest, added.Failure?.Kind);
        Assert.Equal(PhoneInput.MissingAreaCode, added.Failure?.Message);
        Assert.Empty(_api.Creates);
    }

    [Theory]
    [InlineData("Vendas\0")]
    [InlineData("\u001bVendas")]
    [InlineData("Vendas \u202Esadnev")]
    public async Task A_number_name_with_control_or_direction_characters_is_refused_with_a_message(string name)
    {
        var added = await _administration.AddAsync(Administrator, name, "(11) 99999-9999", null, Guid.NewGuid());

        Assert.Equal(Dashboard.Core.Text.HiddenCharacters.InName, added.Failure?.Message);
        Assert.Empty(_api.Creates);
    }

    [Fact]
    public async Task A_number_without_a_name_is_refused()
    {
        var added = await _administration.AddAsync(Administrator, " ", "(11) 99999-9999", null, Guid.NewGuid());

        Assert.Equal(NumberAdministration.NameRequired, added.Failure?.Message);
        Assert.Empty(_api.Creates);
    }

    [Fact]
    public async Task The_same_request_id_twice_creates_one_number_and_returns_the_first_result()
    {
        var requestId = Guid.NewGuid();

        var first = await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);
        var second = await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);

        Assert.Single(_api.Creates);
        Assert.Same(first.Value, second.Value);
    }

    [Fact]
    public async Task A_second_submit_while_the_first_is_still_running_waits_for_it_instead_of_creating_again()
    {
        var requestId = Guid.NewGuid();
        _api.CreateGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = Task.Run(() => _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId));
        await WaitUntilAsync(() => !_api.Creates.IsEmpty);
        var second = Task.Run(() => _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId));
        // Had the second submit not waited for the first, it would have reached Pilot Status too (a second create) or
        // come back with a result of its own before the first's exists; both are checked below.
        _api.CreateGate.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Single(_api.Creates);
        Assert.Same(results[0].Value, results[1].Value);
    }

    [Fact]
    public async Task Each_opening_of_the_dialog_is_a_new_request()
    {
        await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, Guid.NewGuid());
        await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, Guid.NewGuid());

        Assert.Equal(2, _api.Creates.Count);
    }

    [Fact]
    public async Task A_request_id_is_forgotten_after_a_few_minutes()
    {
        var requestId = Guid.NewGuid();
        await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);

        _clock.Advance(DuplicateSubmitGuard.Lifetime + TimeSpan.FromSeconds(1));
        await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);

        Assert.Equal(2, _api.Creates.Count);
    }

    [Fact]
    public async Task A_refusal_from_Pilot_Status_can_be_retried_with_the_same_request()
    {
        var requestId = Guid.NewGuid();
        _api.OnCreate = _ => new ApiFailure(ApiFailureKind.Conflict, "Your plan allows no more numbers.", "NUMBER_LIMIT_EXCEEDED");
        var refused = await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);

        _api.OnCreate = ScriptedPilotStatusClient.Created;
        var retried = await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);

        Assert.Equal("Your plan allows no more numbers.", refused.Failure?.Message);
        Assert.True(retried.Succeeded);
        Assert.Equal(2, _api.Creates.Count);
    }

    [Fact]
    public async Task A_create_that_may_have_happened_is_not_sent_again_and_says_to_check_the_list()
    {
        var requestId = Guid.NewGuid();
        _api.OnCreate = _ => new ApiFailure(ApiFailureKind.Unavailable, "Pilot Status did not answer within 30 seconds.");

        var first = await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);
        var second = await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", null, requestId);

        Assert.Equal(NumberAdministration.CreateUnconfirmed, first.Failure?.Message);
        Assert.Same(first.Failure, second.Failure);
        Assert.Single(_api.Creates);
    }

    [Fact]
    public async Task A_new_number_can_be_assigned_to_a_customer()
    {
        var customerId = await _database.AddCustomerAsync("Padaria Pão Quente");
        await _directory.GetAsync(); // A snapshot from before the add must not hide the new assignment.

        var added = await _administration.AddAsync(Administrator, "Padaria", "+55 11 99999 9999", customerId, Guid.NewGuid());

        Assert.Equal("Padaria Pão Quente", added.Value?.CustomerName);
        var assignment = Assert.Single(await _database.AssignmentsAsync());
        Assert.Equal((added.Value!.Number.Id, customerId, "admin-1"), (assignment.NumberId, assignment.CustomerId, assignment.AssignedBy));
        Assert.Equal(customerId, (await _directory.GetAsync()).CustomerOf(added.Value.Number.Id));
    }

    [Fact]
    public async Task A_customer_removed_while_the_number_was_being_created_leaves_it_created_unassigned_and_audited_without_a_customer()
    {
        var customerId = await _database.AddCustomerAsync("Padaria Pão Quente");
        _api.OnCreate = number =>
        {
            // Another administrator removes the customer while Pilot Status is creating the number.
            using var db = _database.CreateDbContext();
            db.Customers.Remove(db.Customers.Single(c => c.Id == customerId));
            db.SaveChanges();
            return ScriptedPilotStatusClient.Created(number);
        };

        var added = await _administration.AddAsync(Administrator, "Padaria", "+55 11 99999 9999", customerId, Guid.NewGuid());

        Assert.True(added.Succeeded);
        Assert.Equal(((string?)null, NumberAdministration.AssignmentFailed), (added.Value!.CustomerName, added.Value.AssignmentProblem));
        Assert.Empty(await _database.AssignmentsAsync());
        await using var audit = _database.CreateDbContext();
        var entry = audit.AuditEntries.Single(e => e.Action == AuditActions.NumberAdded);
        Assert.Equal((added.Value.Number.Id, (int?)null), (entry.NumberId, entry.CustomerId));
    }

    [Fact]
    public async Task A_customer_that_does_not_exist_is_refused_before_anything_is_created()
    {
        var added = await _administration.AddAsync(Administrator, "Padaria", "(11) 99999-9999", 4242, Guid.NewGuid());

        Assert.Equal(NumberAdministration.UnknownCustomer, added.Failure?.Message);
        Assert.Empty(_api.Creates);
    }

    [Fact]
    public async Task Support_may_neither_add_nor_remove_numbers()
    {
        var customerId = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync(ContractNumbers.QrId, customerId);
        _api.Numbers.Add(ContractNumbers.Qr());
        var support = new OperatorScope("support-1", OperatorRoles.Support, new HashSet<int> { customerId });

        var added = await _administration.AddAsync(support, "Vendas", "(11) 99999-9999", customerId, Guid.NewGuid());
        var removed = await _administration.RemoveAsync(support, ContractNumbers.QrId, "9999");

        Assert.Equal((ApiFailureKind.Forbidden, NumberAdministration.NotPermittedToAdd), (added.Failure?.Kind, added.Failure?.Message));
        Assert.Equal((ApiFailureKind.Forbidden, NumberAdministration.NotPermittedToRemove), (removed.Failure?.Kind, removed.Failure?.Message));
        Assert.Empty(_api.Creates);
        Assert.Empty(_api.Deletes);
    }

    [Fact]
    public async Task Removal_needs_the_last_four_digits_of_the_phone()
    {
        _api.Numbers.Add(ContractNumbers.Qr(phone: "+5511987654321"));

        var wrong = await _administration.RemoveAsync(Administrator, ContractNumbers.QrId, "1234");
        Assert.Equal(NumberAdministration.DigitsDoNotMatch, wrong.Failure?.Message);
        Assert.Empty(_api.Deletes);

        var right = await _administration.RemoveAsync(Administrator, ContractNumbers.QrId, " 4321 ");
        Assert.Equal(new NumberRemoval(ContractNumbers.QrId, WasAlreadyGone: false), right.Value);
        Assert.Equal(ContractNumbers.QrId, Assert.Single(_api.Deletes));
    }

    [Fact]
    public async Task Removal_deletes_the_customer_assignment()
    {
        var customerId = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync(ContractNumbers.QrId, customerId);
        _api.Numbers.Add(ContractNumbers.Qr());
        Assert.Equal(customerId, (await _directory.GetAsync()).CustomerOf(ContractNumbers.QrId));

        var removed = await _administration.RemoveAsync(Administrator, ContractNumbers.QrId, "9999");

        Assert.True(removed.Succeeded);
        Assert.Empty(await _database.AssignmentsAsync());
        Assert.Null((await _directory.GetAsync()).CustomerOf(ContractNumbers.QrId));
    }

    [Fact]
    public async Task A_number_already_gone_upstream_still_loses_its_assignment_and_is_reported_as_already_removed()
    {
        var customerId = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync(ContractNumbers.QrId, customerId);
        _api.Numbers.Add(ContractNumbers.Qr());
        _api.DeleteResult = ScriptedPilotStatusClient.NotFound(ContractNumbers.QrId);

        var removed = await _administration.RemoveAsync(Administrator, ContractNumbers.QrId, "9999");

        Assert.Equal(new NumberRemoval(ContractNumbers.QrId, WasAlreadyGone: true), removed.Value);
        Assert.Empty(await _database.AssignmentsAsync());
    }

    [Fact]
    public async Task A_failed_removal_keeps_the_assignment()
    {
        var customerId = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync(ContractNumbers.QrId, customerId);
        _api.Numbers.Add(ContractNumbers.Qr());
        _api.DeleteResult = new ApiFailure(ApiFailureKind.Unavailable, "Pilot Status answered with a server error.");

        var removed = await _administration.RemoveAsync(Administrator, ContractNumbers.QrId, "9999");

        Assert.Equal("Pilot Status answered with a server error.", removed.Failure?.Message);
        Assert.Single(await _database.AssignmentsAsync());
    }

    [Fact]
    public async Task Support_asking_for_another_customers_number_gets_not_found_like_a_missing_number()
    {
        var own = await _database.AddCustomerAsync("Padaria");
        var other = await _database.AddCustomerAsync("Farmácia");
        await _database.AssignAsync(ContractNumbers.QrId, other);
        _api.Numbers.Add(ContractNumbers.Qr());
        _api.Details[ContractNumbers.QrId] = ContractNumbers.Found(ContractNumbers.QrDetail());
        var support = new OperatorScope("support-1", OperatorRoles.Support, new HashSet<int> { own });

        var hidden = await _administration.GetDetailAsync(support, ContractNumbers.QrId);
        var missing = await _administration.GetDetailAsync(support, "num_does_not_exist");

        Assert.Equal(ApiFailureKind.NotFound, hidden.Failure?.Kind);
        Assert.Equal(missing.Failure, hidden.Failure);
        Assert.Empty(_api.DetailRequests);
    }

    [Fact]
    public async Task The_detail_has_the_customer_the_health_and_the_live_state_with_the_list_filling_gaps()
    {
        var customerId = await _database.AddCustomerAsync("Acme");
        await _database.AssignAsync(ContractNumbers.MetaId, customerId);
        _api.Numbers.Add(ContractNumbers.Meta() with { InstanceName = "tenant-acme", State = NumberState.Closed });
        _api.Details[ContractNumbers.MetaId] = ContractNumbers.Found(ContractNumbers.MetaDetail());
        _api.LiveStatuses[ContractNumbers.MetaId] = ApiResult.Success(new LiveStatus(ContractNumbers.MetaId, NumberState.Open, true, _clock.GetUtcNow()));

        var overview = (await _administration.GetDetailAsync(Administrator, ContractNumbers.MetaId, refreshFromMeta: true)).Value!;

        Assert.Equal("Acme", overview.CustomerName);
        Assert.Equal("tenant-acme", overview.Number.InstanceName);
        Assert.Equal(NumberState.Open, overview.Number.State);
        Assert.Equal("TIER_2K", overview.Health?.MessagingLimitTier);
        Assert.Equal("Acme WABA", overview.Meta?.Waba?.Name);
        Assert.True(overview.Ready);
        Assert.Equal((ContractNumbers.MetaId, true), Assert.Single(_api.DetailRequests));
    }

    [Fact]
    public async Task A_failed_live_status_does_not_hide_the_detail()
    {
        _api.Numbers.Add(ContractNumbers.Meta());
        _api.Details[ContractNumbers.MetaId] = ContractNumbers.Found(ContractNumbers.MetaDetail());
        _api.LiveStatuses[ContractNumbers.MetaId] = new ApiFailure(ApiFailureKind.RateLimited, "Pilot Status is limiting requests (HTTP 429).");

        var overview = (await _administration.GetDetailAsync(Administrator, ContractNumbers.MetaId)).Value!;

        Assert.Equal("GREEN", overview.Health?.QualityRating);
        Assert.Equal("Pilot Status is limiting requests (HTTP 429).", overview.Live.Failure?.Message);
    }

    [Fact]
    public async Task A_number_still_listed_but_gone_upstream_is_not_found()
    {
        _api.Numbers.Add(ContractNumbers.Qr());

        var overview = await _administration.GetDetailAsync(Administrator, ContractNumbers.QrId);

        Assert.Equal(NumberFleet.NotFound, overview.Failure);
        Assert.Equal(1, _api.ListInvalidations);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Adding_a_number_records_one_audit_entry_even_when_submitted_twice()
    {
        var customerId = await _database.AddCustomerAsync("Padaria");
        var requestId = Guid.NewGuid();

        await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", customerId, requestId);
        await _administration.AddAsync(Administrator, "Vendas", "(11) 99999-9999", customerId, requestId);

        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.NumberAdded, "admin-1", "num_new_5511999999999", (int?)customerId),
            (entry.Action, entry.OperatorId, entry.NumberId, entry.CustomerId));
        Assert.Contains("+5511999999999", entry.Detail);
    }

    [Fact]
    public async Task Removing_a_number_records_one_audit_entry_with_its_customer_and_a_refused_removal_none()
    {
        var customerId = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync(ContractNumbers.QrId, customerId);
        _api.Numbers.Add(ContractNumbers.Qr());

        await _administration.RemoveAsync(Administrator, ContractNumbers.QrId, "0000");
        Assert.Empty(await AuditAsync());

        await _administration.RemoveAsync(Administrator, ContractNumbers.QrId, "9999");

        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.NumberRemoved, ContractNumbers.QrId, (int?)customerId), (entry.Action, entry.NumberId, entry.CustomerId));
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _database.CreateDbContext();
        return db.AuditEntries.OrderBy(e => e.Id).ToList();
    }

    public void Dispose() => _database.Dispose();
}
