using System.Net;
using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Customers;

/// <summary>
/// The real app, a Support operator assigned one customer, and every way in to another customer's number or to the
/// customer itself, by URL: each answers "not found" or leaves it out, exactly as for something that does not exist.
/// </summary>
public sealed class SupportScopeTests : IAsyncLifetime
{
    private const string SupportEmail = "sofia@example.com";
    private const string SupportPassword = "support passphrase 1";

    private readonly DashboardAppFactory _app = new();
    private HttpClient _support = default!;
    private HttpClient _admin = default!;
    private string _ownNumber = "", _otherNumber = "", _unassignedNumber = "", _otherPhone = "";
    private int _ownCustomer, _otherCustomer;

    public async Task InitializeAsync()
    {
        _admin = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.SetUpFirstAdministratorAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _admin.SignInAsync(Operators.AdminEmail, Operators.AdminPassword)).StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var numbers = (await services.GetRequiredService<IPilotStatusClient>().ListNumbersAsync()).Value!.Numbers
            .Where(n => n.Provider.IsPilotStatus && n.Phone is not null).ToList();
        (_ownNumber, _otherNumber, _unassignedNumber, _otherPhone) = (numbers[0].Id, numbers[1].Id, numbers[2].Id, numbers[1].Phone!);

        var administrator = new OperatorScope("setup", OperatorRoles.Administrator, null);
        var customers = services.GetRequiredService<CustomerAdministration>();
        _ownCustomer = (await customers.CreateAsync(administrator, new CustomerForm("Padaria Pão Quente"))).Value;
        _otherCustomer = (await customers.CreateAsync(administrator, new CustomerForm("Farmácia Central"))).Value;
        Assert.True((await customers.AssignAsync(administrator, _ownCustomer, [_ownNumber])).Succeeded);
        Assert.True((await customers.AssignAsync(administrator, _otherCustomer, [_otherNumber])).Succeeded);

        var users = services.GetRequiredService<UserManager<Operator>>();
        var support = new Operator { UserName = SupportEmail, Email = SupportEmail, EmailConfirmed = true, DisplayName = "Sofia", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(support, SupportPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(support, OperatorRoles.Support)).Succeeded);
        await using (var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            db.OperatorCustomers.Add(new OperatorCustomer { OperatorId = support.Id, CustomerId = _ownCustomer });
            await db.SaveChangesAsync();
        }

        _support = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await _support.SignInAsync(SupportEmail, SupportPassword)).StatusCode);
    }

    [Fact]
    public async Task The_numbers_list_and_its_search_hold_only_the_support_operators_customers_numbers()
    {
        var list = await PageAsync("/numbers");
        var searchedOther = await PageAsync($"/numbers?q={_otherNumber}");
        var filteredOther = await PageAsync($"/numbers?customer={_otherCustomer}");
        var unassigned = await PageAsync("/numbers?customer=none");

        // Prerendering leaves Pilot Status to the circuit: the page goes out with its loading bar and no number at all.
        // Which rows the circuit then shows a Support operator is NumberFleet's scope (NumberFleetTests).
        Assert.Contains("aria-label=\"Loading numbers\"", list);
        Assert.DoesNotContain(Cell(_ownNumber), list);
        Assert.DoesNotContain(Cell(_otherNumber), list);
        Assert.DoesNotContain(Cell(_unassignedNumber), list);
        Assert.DoesNotContain(Cell(_otherNumber), searchedOther);
        Assert.DoesNotContain(Cell(_otherNumber), filteredOther);
        Assert.DoesNotContain(Cell(_unassignedNumber), unassigned);
        Assert.DoesNotContain("Farmácia Central", list);
    }

    [Fact]
    public async Task Another_customers_number_is_not_found_by_its_detail_or_connect_address()
    {
        var own = await PageAsync($"/numbers/{_ownNumber}");
        var detail = await PageAsync($"/numbers/{_otherNumber}");
        var connect = await PageAsync($"/numbers/{_otherNumber}/connect");
        var unassigned = await PageAsync($"/numbers/{_unassignedNumber}");

        // Prerendered with the loading bar only (the circuit reads the number, within the operator's scope:
        // ConnectSessionTests, WebhooksTabTests); nothing about another customer's number is in the page.
        Assert.DoesNotContain("This number does not exist", own);
        foreach (var html in new[] { detail, connect, unassigned })
        {
            Assert.Contains("aria-label=\"Loading the number\"", html);
            Assert.DoesNotContain(_otherPhone, html);
            Assert.DoesNotContain(_otherNumber + "<", html);
        }
    }

    [Fact]
    public async Task The_CSV_export_holds_only_the_support_operators_numbers_whatever_the_filter()
    {
        var all = await _support.GetStringAsync("/numbers/export.csv");
        var other = await _support.GetStringAsync($"/numbers/export.csv?customer={_otherCustomer}&q={_otherNumber}");

        Assert.Contains(_ownNumber, all);
        Assert.DoesNotContain(_otherNumber, all);
        Assert.DoesNotContain(_unassignedNumber, all);
        Assert.Single(other.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Another_customer_is_not_found_by_its_address_and_missing_from_the_customers_page()
    {
        var customers = await PageAsync("/customers");
        var own = await PageAsync($"/customers/{_ownCustomer}");
        var other = await PageAsync($"/customers/{_otherCustomer}");

        Assert.Contains("Padaria Pão Quente", System.Net.WebUtility.HtmlDecode(customers));
        Assert.DoesNotContain("Farmácia Central", System.Net.WebUtility.HtmlDecode(customers));
        Assert.Contains("Padaria Pão Quente", System.Net.WebUtility.HtmlDecode(own)); // its numbers come with the circuit
        Assert.Contains("This customer does not exist", other);
        Assert.DoesNotContain("Farmácia Central", System.Net.WebUtility.HtmlDecode(other));
        Assert.DoesNotContain(Cell(_otherNumber), other);
        Assert.DoesNotContain("New customer", customers);
    }

    [Fact]
    public async Task The_audit_page_and_its_export_are_for_administrators_only()
    {
        var visit = await _support.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", visit.Target());
        var page = await PageAsync(visit.Target()!);
        var export = await _support.GetAsync("/audit/export.csv");
        var adminExport = await _admin.GetAsync("/audit/export.csv");

        Assert.Contains("Page not found", page);
        Assert.DoesNotContain("customer.created", page);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminExport.StatusCode);
        var csv = await adminExport.Content.ReadAsStringAsync();
        Assert.Equal(2, csv.Split('\n').Count(line => line.Contains(AuditActions.CustomerCreated)));
    }

    [Fact]
    public async Task The_audit_export_follows_the_page_filters()
    {
        var csv = await _admin.GetStringAsync($"/audit/export.csv?customer={_otherCustomer}&action={AuditActions.AssignmentsChanged}");

        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Contains(_otherNumber, Assert.Single(rows));
    }

    private async Task<string> PageAsync(string url)
    {
        var response = await _support.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>How the numbers table shows a number's id.</summary>
    private static string Cell(string numberId) => $">{numberId}<";

    public Task DisposeAsync()
    {
        _support?.Dispose();
        _admin?.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }
}
