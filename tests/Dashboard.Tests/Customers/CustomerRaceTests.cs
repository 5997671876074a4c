using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Customers;

/// <summary>Two operators at the same moment: what one changes while the other's read is under way.</summary>
public sealed class CustomerRaceTests : IDisposable
{
    private static readonly OperatorScope Ana = new("admin-1", OperatorRoles.Administrator, null);
    private static readonly OperatorScope Bia = new("admin-2", OperatorRoles.Administrator, null);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T12:00:00Z"));
    private readonly DatabasePause _pause = new();
    private readonly TestDatabase _database;
    private readonly CustomerDirectory _directory;
    private readonly CustomerAdministration _customers;

    public CustomerRaceTests()
    {
        _database = new TestDatabase(_pause.Interceptors);
        var api = new ScriptedPilotStatusClient(_clock);
        api.Numbers.AddRange([ContractNumbers.Qr("num_a", "+5511900000001"), ContractNumbers.Qr("num_b", "+5511900000002")]);
        _directory = new CustomerDirectory(_database);
        _customers = new CustomerAdministration(_database, api, _directory,
            new AuditLog(_database, new RequestOrigin(), _clock, NullLogger<AuditLog>.Instance), _clock);
    }

    [Fact]
    public async Task An_assignment_saved_while_the_directory_was_reading_is_seen_by_the_next_reader()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");
        // The directory has read the assignments (none yet) and is about to read the customers' names.
        _pause.BeforeQuery(sql => sql.Contains("FROM \"Customers\"", StringComparison.Ordinal) && !sql.Contains("NumberAssignments", StringComparison.Ordinal));
        var loading = _directory.GetAsync();
        await _pause.Reached;

        Assert.True((await _customers.AssignAsync(Bia, padaria, ["num_a"])).Succeeded);
        _pause.Release();
        var duringTheWrite = await loading;

        Assert.Null(duringTheWrite.CustomerOf("num_a")); // what that reader read, before the write
        Assert.Equal(padaria, (await _directory.GetAsync()).CustomerOf("num_a")); // no clock moved: not kept as fresh
    }

    [Fact]
    public async Task Two_operators_assigning_the_same_number_at_once_the_second_is_told_to_reload_and_nothing_of_it_is_saved()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");
        var farmacia = await _database.AddCustomerAsync("Farmácia");
        _pause.BeforeSave();
        var anas = _customers.AssignAsync(Ana, padaria, ["num_a", "num_b"]);
        await _pause.Reached;

        var bias = await _customers.AssignAsync(Bia, farmacia, ["num_a"]);
        _pause.Release();
        var late = await anas;

        Assert.True(bias.Succeeded);
        Assert.Equal((ApiFailureKind.Conflict, CustomerAdministration.ChangedMeanwhile), (late.Failure?.Kind, late.Failure?.Message));
        var assignment = Assert.Single(await _database.AssignmentsAsync());
        Assert.Equal(("num_a", farmacia), (assignment.NumberId, assignment.CustomerId));
        Assert.Equal(farmacia, (await _directory.GetAsync()).CustomerOf("num_a"));
    }

    [Fact]
    public async Task Unassigning_numbers_another_operator_just_unassigned_is_told_to_reload()
    {
        var padaria = await _database.AddCustomerAsync("Padaria");
        await _database.AssignAsync("num_a", padaria);
        _pause.BeforeSave();
        var anas = _customers.UnassignAsync(Ana, ["num_a"]);
        await _pause.Reached;

        Assert.Equal(["num_a"], (await _customers.UnassignAsync(Bia, ["num_a"])).Value);
        _pause.Release();
        var late = await anas;

        Assert.Equal(CustomerAdministration.ChangedMeanwhile, late.Failure?.Message);
        Assert.Empty(await _database.AssignmentsAsync());
    }

    public void Dispose() => _database.Dispose();
}
