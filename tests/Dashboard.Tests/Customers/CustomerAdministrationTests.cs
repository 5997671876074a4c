using Dashboard.Core.Audit;
using Dashboard.Core.Cluster;
using Dashboard.Core.Customers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Customers;

public sealed class CustomerAdministrationTests : IDisposable
{
    private static readonly OperatorScope Administrator = new("admin-1", OperatorRoles.Administrator, null);
    private static readonly OperatorScope Operator = new("operator-1", OperatorRoles.Operator, null);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T12:00:00Z"));
    private readonly TestDatabase _database = new();
    private readonly ScriptedPilotStatusClient _api;
    private readonly CustomerDirectory _directory;
    private readonly CustomerAdministration _customers;

    public CustomerAdministrationTests()
    {
        _api = new ScriptedPilotStatusClient(_clock);
        _api.Numbers.AddRange(
        [
            ContractNumbers.Qr("num_a", "+5511900000001"),
            ContractNumbers.Qr("num_b", "+5511900000002") with { State = NumberState.Closed },
            ContractNumbers.Qr("num_c", "+5511900000003") with { State = NumberState.Connecting },
        ]);
        _directory = new CustomerDirectory(_database);
        _customers = new CustomerAdministration(_database, _api, _directory,
            new AuditLog(_database, new RequestOrigin { IpAddress = "198.51.100.4" }, _clock, NullLogger<AuditLog>.Instance), _clock);
    }

    [Fact]
    public async Task A_customer_is_created_with_its_details_trimmed_and_one_audit_entry()
    {
        var created = await _customers.CreateAsync(Operator, new CustomerForm("  Padaria Pão Quente ", " PQ-17 ", "Maria", "  "));

        var profile = (await _customers.GetAsync(Operator, created.Value)).Value!;
        Assert.Equal(("Padaria Pão Quente", "PQ-17", "Maria", (string?)null), (profile.Name, profile.ExternalReference, profile.ContactPerson, profile.Notes));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.CustomerCreated, "operator-1", (int?)created.Value, "198.51.100.4"),
            (entry.Action, entry.OperatorId, entry.CustomerId, entry.IpAddress));
    }

    [Theory]
    [InlineData("Acme\0 Ltda")]
    [InlineData("Acme \u001b[31m")]
    [InlineData("Acme \u202Eadtl")]
    [InlineData("Acme\nLtda")]
    public async Task A_customer_name_with_control_or_direction_characters_is_refused_with_a_message(string name)
    {
        var created = await _customers.CreateAsync(Administrator, new CustomerForm(name));

        Assert.Equal((ApiFailureKind.InvalidRequest, Dashboard.Core.Text.HiddenCharacters.InName), (created.Failure?.Kind, created.Failure?.Message));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_customer_needs_a_name()
    {
        var created = await _customers.CreateAsync(Administrator, new CustomerForm("   "));

        Assert.Equal((ApiFailureKind.InvalidRequest, CustomerAdministration.NameRequired), (created.Failure?.Kind, created.Failure?.Message));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Two_customers_cannot_share_an_external_reference_but_both_may_have_none()
    {
        await _customers.CreateAsync(Administrator, new CustomerForm("Padaria", "PQ-17"));
        var second = await _customers.CreateAsync(Administrator, new CustomerForm("Farmácia", "PQ-17"));
        var noReference1 = await _customers.CreateAsync(Administrator, new CustomerForm("Clínica"));
        var noReference2 = await _customers.CreateAsync(Administrator, new CustomerForm("Oficina"));
        var renamedOnto = await _customers.UpdateAsync(Administrator, noReference1.Value, new CustomerForm("Clínica", "PQ-17"));

        Assert.Equal(CustomerAdministration.ReferenceTaken, second.Failure?.Message);
        Assert.True(noReference1.Succeeded && noReference2.Succeeded);
        Assert.Equal(CustomerAdministration.ReferenceTaken, renamedOnto.Failure?.Message);
    }

    [Fact]
    public async Task Editing_records_what_changed_once_and_saving_unchanged_records_nothing()
    {
        var id = (await _customers.CreateAsync(Administrator, new CustomerForm("Padaria", ContactPerson: "Maria"))).Value;

        await _customers.UpdateAsync(Administrator, id, new CustomerForm("Padaria Pão Quente", ContactPerson: "Maria"));
        await _customers.UpdateAsync(Administrator, id, new CustomerForm("Padaria Pão Quente", ContactPerson: "Maria"));

        var changed = Assert.Single(await AuditAsync(), e => e.Action == AuditActions.CustomerChanged);
        Assert.Equal("name: Padaria → Padaria Pão Quente", changed.Detail);
        Assert.Equal("Padaria Pão Quente", (await _directory.GetAsync()).NameOf(id));
    }

    [Fact]
    public async Task Assigning_moves_a_number_from_its_old_customer_and_records_one_entry_listing_the_numbers()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");
        var farmacia = await _database.AddCustomerAsync("Farmácia");
        await _database.AssignAsync("num_a", padaria);

        var change = await _customers.AssignAsync(Operator, farmacia, ["num_a", "num_b", "num_b"]);

        Assert.Equal(["num_a", "num_b"], change.Value!.Assigned);
        Assert.Equal(padaria, change.Value.Moved["num_a"]);
        var snapshot = await _directory.GetAsync();
        Assert.Equal((farmacia, farmacia), (snapshot.CustomerOf("num_a")!.Value, snapshot.CustomerOf("num_b")!.Value));
        Assert.Equal(2, (await _database.AssignmentsAsync()).Count);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.AssignmentsChanged, (int?)farmacia), (entry.Action, entry.CustomerId));
        Assert.Contains("num_a", entry.Detail);
        Assert.Contains("num_b", entry.Detail);
    }

    [Fact]
    public async Task The_assignment_snapshot_is_reread_when_another_instance_says_so_but_kept_as_the_same_object_while_nothing_changed()
    {
        var hub = new InProcessClusterHub();
        var here = new CustomerDirectory(_database, Bus(hub));
        var elsewhere = new CustomerDirectory(_database, Bus(hub));
        var padaria = await _database.AddCustomerAsync("Padaria");
        var first = await here.GetAsync();

        _clock.Advance(TimeSpan.FromHours(1));
        await _database.AssignAsync("num_a", padaria); // Written behind its back: nobody said so.
        Assert.Same(first, await here.GetAsync()); // Kept however old: no query per keystroke.

        elsewhere.Invalidate(); // Another instance wrote and said so.
        var changed = await here.GetAsync();
        Assert.NotSame(first, changed);
        Assert.Equal(padaria, changed.CustomerOf("num_a"));

        // The numbers list joins and sorts once per snapshot object: an unchanged table must not cost that again.
        elsewhere.Invalidate();
        Assert.Same(changed, await here.GetAsync());
    }

    private static InProcessClusterBus Bus(InProcessClusterHub hub) => new(hub, NullLogger<InProcessClusterBus>.Instance);

    [Fact]
    public async Task Assigning_a_number_Pilot_Status_does_not_list_assigns_nothing()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");

        var change = await _customers.AssignAsync(Administrator, padaria, ["num_a", "num_gone"]);

        Assert.Equal(CustomerAdministration.UnknownNumbers, change.Failure?.Message);
        Assert.Empty(await _database.AssignmentsAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Removing_a_customer_leaves_its_numbers_unassigned_and_asks_nothing_of_Pilot_Status()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync("num_a", padaria);
        await _database.AssignAsync("num_b", padaria);

        var removed = await _customers.RemoveAsync(Administrator, padaria);

        Assert.Equal(2, removed.Value);
        Assert.Empty(await _database.AssignmentsAsync());
        Assert.Null((await _directory.GetAsync()).CustomerOf("num_a"));
        Assert.Empty(_api.Deletes);
        Assert.Equal(3, (await _api.ListNumbersAsync()).Value!.Numbers.Count);
        Assert.Equal(ApiFailureKind.NotFound, (await _customers.GetAsync(Administrator, padaria)).Failure?.Kind);
        Assert.Equal(AuditActions.CustomerRemoved, Assert.Single(await AuditAsync()).Action);
    }

    [Fact]
    public async Task A_number_gone_upstream_stays_on_its_customer_as_gone_until_the_assignment_is_removed()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync("num_a", padaria);
        await _database.AssignAsync("num_vanished", padaria);

        var profile = (await _customers.GetAsync(Operator, padaria)).Value!;
        var summary = Assert.Single((await _customers.ListAsync(Operator)).Customers);
        Assert.Equal(["num_vanished"], profile.GoneNumberIds);
        Assert.Equal((2, 0, 1), (summary.Numbers, summary.NotConnected!.Value, summary.Gone));

        var unassigned = await _customers.UnassignAsync(Operator, ["num_vanished"]);

        Assert.Equal(["num_vanished"], unassigned.Value);
        Assert.Empty((await _customers.GetAsync(Operator, padaria)).Value!.GoneNumberIds);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.AssignmentsChanged, "num_vanished", (int?)padaria), (entry.Action, entry.NumberId, entry.CustomerId));
    }

    [Fact]
    public async Task The_list_counts_each_customers_numbers_and_those_not_connected_and_can_be_searched()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");
        var farmacia = await _database.AddCustomerAsync("Farmácia");
        await _database.AssignAsync("num_a", padaria);
        await _database.AssignAsync("num_b", padaria);
        await _database.AssignAsync("num_c", padaria);

        var all = (await _customers.ListAsync(Administrator)).Customers;
        var found = (await _customers.ListAsync(Administrator, "farm")).Customers;

        Assert.Equal([("Farmácia", 0, 0), ("Padaria", 3, 2)], all.Select(c => (c.Name, c.Numbers, c.NotConnected!.Value)));
        Assert.Equal(farmacia, Assert.Single(found).Id);
    }

    [Fact]
    public async Task Support_sees_only_their_customers_and_another_one_is_not_found_like_a_missing_one()
    {
        var own = await _database.AddCustomerAsync("Padaria");
        var other = await _database.AddCustomerAsync("Farmácia");
        var support = new OperatorScope("support-1", OperatorRoles.Support, new HashSet<int> { own });

        var list = await _customers.ListAsync(support);
        var hidden = await _customers.GetAsync(support, other);
        var missing = await _customers.GetAsync(support, 4242);
        var choices = await _customers.ChoicesAsync(support);

        Assert.Equal(own, Assert.Single(list.Customers).Id);
        Assert.Equal(missing.Failure, hidden.Failure);
        Assert.Equal(ApiFailureKind.NotFound, hidden.Failure?.Kind);
        Assert.Equal(own, Assert.Single(choices).Id);
    }

    [Fact]
    public async Task Support_may_change_no_customer_and_no_assignment_not_even_their_own()
    {
        var own = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync("num_a", own);
        var support = new OperatorScope("support-1", OperatorRoles.Support, new HashSet<int> { own });

        ApiFailure?[] refusals =
        [
            (await _customers.CreateAsync(support, new CustomerForm("Nova"))).Failure,
            (await _customers.UpdateAsync(support, own, new CustomerForm("Renamed"))).Failure,
            (await _customers.RemoveAsync(support, own)).Failure,
            (await _customers.AssignAsync(support, own, ["num_b"])).Failure,
            (await _customers.UnassignAsync(support, ["num_a"])).Failure,
        ];

        Assert.All(refusals, f => Assert.Equal((ApiFailureKind.Forbidden, CustomerAdministration.NotPermitted), (f?.Kind, f?.Message)));
        Assert.Equal("Padaria", (await _directory.GetAsync()).NameOf(own));
        Assert.Equal(own, Assert.Single(await _database.AssignmentsAsync()).CustomerId);
        Assert.Empty(await AuditAsync());
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task The_customer_choices_are_by_name()
    {
        await _database.AddCustomerAsync("Padaria");
        await _database.AddCustomerAsync("Acme");

        var choices = await _customers.ChoicesAsync(Administrator);

        Assert.Equal(["Acme", "Padaria"], choices.Select(c => c.Name));
    }

    public void Dispose() => _database.Dispose();
}
