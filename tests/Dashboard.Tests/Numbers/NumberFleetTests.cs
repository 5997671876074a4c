using Dashboard.Core.Customers;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Numbers;

public sealed class NumberFleetTests : IDisposable
{
    private static readonly OperatorScope Admin = new("admin", OperatorRoles.Administrator, null);
    private readonly FakePilotStatusClient _api = new();
    private readonly TestDatabase _db = new();
    private readonly NumberFleet _fleet;
    private int _padaria;
    private int _clinica;

    public NumberFleetTests()
    {
        _api.Numbers.AddRange(
        [
            FakePilotStatusClient.Number("cmm0aaa1", "Padaria Estrela · Vendas", "+5511982056555", "OPEN"),
            FakePilotStatusClient.Number("cmm0aaa2", "Padaria Estrela · Entregas", "+5511977770000", "CLOSE"),
            FakePilotStatusClient.Number("cmm0bbb1", "Clínica Sorriso · Atendimento", "+5521984349701", "CONNECTING"),
            FakePilotStatusClient.Number("cmm0bbb2", "Clínica Sorriso · Meta", "+5521999886495", "OPEN", provider: "META"),
            FakePilotStatusClient.Number("cmm0ccc1", "Sem dono", "+5531988887777", "PAUSED"),
        ]);
        _fleet = new NumberFleet(_api, new CustomerDirectory(_db), new FleetIndex());
        using var db = _db.CreateDbContext();
        var padaria = new Customer { Name = "Padaria Estrela" };
        var clinica = new Customer { Name = "Clínica Sorriso" };
        db.Customers.AddRange(padaria, clinica);
        db.SaveChanges();
        (_padaria, _clinica) = (padaria.Id, clinica.Id);
        db.NumberAssignments.AddRange(
            new NumberAssignment { NumberId = "cmm0aaa1", CustomerId = _padaria },
            new NumberAssignment { NumberId = "cmm0aaa2", CustomerId = _padaria },
            new NumberAssignment { NumberId = "cmm0bbb1", CustomerId = _clinica },
            new NumberAssignment { NumberId = "cmm0bbb2", CustomerId = _clinica });
        db.SaveChanges();
    }

    [Theory]
    [InlineData("(11) 98205-6555")]
    [InlineData("+55 11 98205 6555")]
    [InlineData("011 98205-6555")]
    [InlineData("5511982056555")]
    [InlineData("98205-6555")]
    public async Task A_phone_is_found_however_a_person_types_it(string typed)
    {
        var page = await QueryAsync(new FleetQuery { Search = typed });

        Assert.Equal(["cmm0aaa1"], page.Rows.Select(r => r.Number.Id));
    }

    [Theory]
    [InlineData("padaria", 2)]
    [InlineData("CLÍNICA SORRISO", 2)]
    [InlineData("cmm0bbb2", 1)]
    [InlineData("Sorriso · Meta", 1)]
    public async Task Name_customer_and_number_id_are_searched_without_regard_to_case(string typed, int expected)
    {
        var page = await QueryAsync(new FleetQuery { Search = typed });

        Assert.Equal(expected, page.Matching);
    }

    [Fact]
    public async Task Counts_by_state_cover_the_other_filters_but_not_the_state_filter_itself()
    {
        var page = await QueryAsync(new FleetQuery { State = StateFilter.Connected });

        Assert.Equal(new StateCounts(Connected: 2, Connecting: 1, Disconnected: 1, Other: 1), page.Counts);
        Assert.Equal(["cmm0aaa1", "cmm0bbb2"], page.Rows.Select(r => r.Number.Id).Order());
    }

    [Fact]
    public async Task An_undocumented_state_is_kept_and_filtered_as_another_state()
    {
        var page = await QueryAsync(new FleetQuery { State = StateFilter.Other });

        var row = Assert.Single(page.Rows);
        Assert.Equal("PAUSED", row.Number.State.Value);
        Assert.Equal("Unknown (PAUSED)", row.Number.State.DisplayName);
    }

    [Fact]
    public async Task Provider_and_customer_filters_combine()
    {
        Assert.Equal(["cmm0bbb2"], (await QueryAsync(new FleetQuery { Provider = "META" })).Rows.Select(r => r.Number.Id));
        Assert.Equal(["cmm0aaa2", "cmm0aaa1"], (await QueryAsync(new FleetQuery { Customer = CustomerFilter.Of(_padaria) })).Rows.Select(r => r.Number.Id));
        Assert.Equal(["cmm0ccc1"], (await QueryAsync(new FleetQuery { Customer = CustomerFilter.None })).Rows.Select(r => r.Number.Id));
        Assert.Empty((await QueryAsync(new FleetQuery { Provider = "META", Customer = CustomerFilter.Of(_padaria) })).Rows);
    }

    [Fact]
    public async Task Rows_carry_their_customer_name_or_none()
    {
        var page = await QueryAsync(new FleetQuery { Sort = FleetSort.Id });

        Assert.Equal(["Padaria Estrela", "Padaria Estrela", "Clínica Sorriso", "Clínica Sorriso", null], page.Rows.Select(r => r.CustomerName));
    }

    [Fact]
    public async Task Sorting_by_any_column_both_ways_is_stable_across_pages()
    {
        foreach (var sort in Enum.GetValues<FleetSort>())
        {
            foreach (var descending in new[] { false, true })
            {
                var all = (await _fleet.AllMatchingAsync(Admin, new FleetQuery { Sort = sort, Descending = descending })).Value!;
                var paged = new List<string>();
                for (var p = 1; p <= 3; p++)
                {
                    var page = await QueryAsync(new FleetQuery { Sort = sort, Descending = descending, Page = p, PageSize = 25 });
                    paged.AddRange(page.Rows.Select(r => r.Number.Id));
                }

                Assert.Equal(all.Select(r => r.Number.Id).Distinct().Count(), all.Count);
                Assert.Equal(all.Select(r => r.Number.Id), paged.Take(all.Count));
            }
        }

        var byName = await QueryAsync(new FleetQuery { Sort = FleetSort.Name, Descending = true });
        Assert.Equal("Sem dono", byName.Rows[0].Number.Name);
    }

    [Fact]
    public async Task Names_sort_as_people_read_them_with_accents_and_case_beside_their_letters()
    {
        _api.Numbers.Clear();
        string[] names = ["Zebra Modas", "Ótica Central", "açaí da Praia", "Padaria Estrela", "Água Viva", "ótica Norte"];
        for (var i = 0; i < names.Length; i++)
        {
            _api.Numbers.Add(FakePilotStatusClient.Number($"cmm2{i:000}", names[i], $"+55119100{i:00000}"));
        }

        var ascending = await QueryAsync(new FleetQuery { Sort = FleetSort.Name });
        var descending = await QueryAsync(new FleetQuery { Sort = FleetSort.Name, Descending = true });

        // An ordinal sort would put every accented or lower-case name after "Zebra".
        string[] expected = ["açaí da Praia", "Água Viva", "Ótica Central", "ótica Norte", "Padaria Estrela", "Zebra Modas"];
        Assert.Equal(expected, ascending.Rows.Select(r => r.Number.Name));
        Assert.Equal(expected.Reverse(), descending.Rows.Select(r => r.Number.Name));
    }

    [Fact]
    public async Task Paging_returns_the_asked_page_and_clamps_a_page_past_the_end()
    {
        for (var i = 0; i < 60; i++)
        {
            _api.Numbers.Add(FakePilotStatusClient.Number($"cmm1{i:000}", $"Bulk {i:000}", $"+55119000{i:00000}"));
        }

        var second = await QueryAsync(new FleetQuery { Search = "Bulk", Page = 2, PageSize = 25 });
        var beyond = await QueryAsync(new FleetQuery { Search = "Bulk", Page = 99, PageSize = 25 });

        Assert.Equal(60, second.Matching);
        Assert.Equal(3, second.PageCount);
        Assert.Equal("Bulk 025", second.Rows[0].Number.Name);
        Assert.Equal(3, beyond.Page);
        Assert.Equal(10, beyond.Rows.Count);
    }

    [Fact]
    public async Task A_support_operator_sees_only_the_numbers_of_their_customers()
    {
        var support = new OperatorScope("support", OperatorRoles.Support, new HashSet<int> { _clinica });

        var page = (await _fleet.QueryAsync(support, new FleetQuery())).Value!;
        var search = (await _fleet.QueryAsync(support, new FleetQuery { Search = "Padaria" })).Value!;
        var export = (await _fleet.AllMatchingAsync(support, new FleetQuery())).Value!;

        Assert.Equal(["cmm0bbb1", "cmm0bbb2"], page.Rows.Select(r => r.Number.Id).Order());
        Assert.Equal(2, page.Counts.Total);
        Assert.Empty(search.Rows);
        Assert.Equal(2, export.Count);
        Assert.Equal(ApiFailureKind.NotFound, (await _fleet.FindAsync(support, "cmm0aaa1")).Failure?.Kind);
        Assert.Equal(ApiFailureKind.NotFound, (await _fleet.FindAsync(support, "cmm0ccc1")).Failure?.Kind);
        Assert.True((await _fleet.FindAsync(support, "cmm0bbb1")).Succeeded);
    }

    [Fact]
    public async Task An_API_failure_reaches_the_caller_as_it_came()
    {
        _api.FailWith = new ApiFailure(ApiFailureKind.Unauthorized, "Check PilotStatus:TenantApiKey.");

        var result = await _fleet.QueryAsync(Admin, new FleetQuery());

        Assert.Equal(ApiFailureKind.Unauthorized, result.Failure?.Kind);
        Assert.Contains("PilotStatus:TenantApiKey", result.Failure?.Message);
    }

    private async Task<FleetPage> QueryAsync(FleetQuery query)
    {
        var result = await _fleet.QueryAsync(Admin, query);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value;
    }

    public void Dispose() => _db.Dispose();
}
