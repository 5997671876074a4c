using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Messages;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Messages;

public sealed class MessageHistoryTests : IDisposable
{
    private const string Mine = "num_padaria";
    private const string Theirs = "num_clinica";

    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Chat.At.AddHours(1));
    private readonly ScriptedPilotStatusClient _numbers;
    private readonly HistoryPilotStatusClient _api;
    private readonly MessageHistory _history;
    private readonly ClaimsPrincipal _ana = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "op-1"), new Claim(ClaimTypes.Email, "ana@example.com")], "test"));

    public MessageHistoryTests()
    {
        _numbers = new ScriptedPilotStatusClient(_clock);
        _numbers.Numbers.Add(ContractNumbers.Qr(Mine, "+5511911112222") with { Name = "Padaria Estrela · Vendas" });
        _numbers.Numbers.Add(ContractNumbers.Qr(Theirs, "+5511933334444") with { Name = "Clínica Sorriso · Vendas" });
        _api = new HistoryPilotStatusClient(_numbers);
        _api.Messages[Mine] = Chat.Many(120);
        _api.Messages[Theirs] = Chat.Many(10);
        var customers = new CustomerDirectory(_database);
        var fleet = new NumberFleet(_api, customers, new FleetIndex());
        _history = new MessageHistory(fleet, _api, new MessagePageCache(_clock), new AuditLog(_database, new RequestOrigin(), _clock, NullLogger<AuditLog>.Instance));
    }

    [Fact]
    public async Task Support_staff_get_not_found_for_another_customers_number_and_Pilot_Status_is_never_asked()
    {
        var (padaria, clinica) = (await _database.AddCustomerAsync("Padaria Estrela"), await _database.AddCustomerAsync("Clínica Sorriso"));
        await _database.AssignAsync(Mine, padaria);
        await _database.AssignAsync(Theirs, clinica);
        var support = new OperatorScope("op-1", OperatorRoles.Support, new HashSet<int> { padaria });

        var opened = await _history.OpenAsync(support, _ana, Theirs);
        var messages = await _history.GetMessagesAsync(support, Theirs, 1, HistoryRange.All);
        var conversations = await _history.GetConversationsAsync(support, Theirs, 1, HistoryRange.All);
        var choices = await _history.ChoicesAsync(support);

        Assert.Equal(ApiFailureKind.NotFound, opened.Failure?.Kind);
        Assert.Equal(ApiFailureKind.NotFound, messages.Failure?.Kind);
        Assert.Equal(ApiFailureKind.NotFound, conversations.Failure?.Kind);
        Assert.Empty(_api.HistoryRequests);
        Assert.Empty(_api.ConversationRequests);
        var only = Assert.Single(choices.Value!);
        Assert.Equal(("Padaria Estrela", Mine), (only.CustomerName, Assert.Single(only.Numbers).Id));

        Assert.True((await _history.GetMessagesAsync(support, Mine, 1, HistoryRange.All)).Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task Support_staff_never_see_numbers_no_customer_owns()
    {
        var support = new OperatorScope("op-1", OperatorRoles.Support, new HashSet<int>());

        var messages = await _history.GetMessagesAsync(support, Mine, 1, HistoryRange.All);

        Assert.Equal(ApiFailureKind.NotFound, messages.Failure?.Kind);
        Assert.Empty(_api.HistoryRequests);
    }

    [Fact]
    public async Task Each_opening_is_one_audit_entry_whatever_pages_are_read_after_it()
    {
        var customer = await _database.AddCustomerAsync("Padaria Estrela");
        await _database.AssignAsync(Mine, customer);
        var admin = new OperatorScope("op-1", OperatorRoles.Administrator, null);

        await _history.OpenAsync(admin, _ana, Mine);
        for (var page = 1; page <= 3; page++)
        {
            await _history.GetMessagesAsync(admin, Mine, page, HistoryRange.All);
        }

        await _history.GetConversationsAsync(admin, Mine, 1, HistoryRange.All);

        await using (var db = _database.CreateDbContext())
        {
            var entry = Assert.Single(await db.AuditEntries.ToListAsync());
            Assert.Equal((AuditActions.MessageHistoryOpened, Mine, (int?)customer, "op-1", "ana@example.com"),
                (entry.Action, entry.NumberId, entry.CustomerId, entry.OperatorId, entry.OperatorEmail));
        }

        await _history.OpenAsync(admin, _ana, Mine);
        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync());
        }
    }

    [Fact]
    public async Task A_page_seen_moments_ago_is_reused_and_read_again_once_it_is_old()
    {
        var admin = new OperatorScope("op-1", OperatorRoles.Administrator, null);

        var first = await _history.GetMessagesAsync(admin, Mine, 1, HistoryRange.All);
        var again = await _history.GetMessagesAsync(admin, Mine, 1, HistoryRange.All);
        Assert.Same(first.Value, again.Value);
        Assert.Single(_api.HistoryRequests);

        await _history.GetMessagesAsync(admin, Mine, 2, HistoryRange.All);
        await _history.GetMessagesAsync(admin, Mine, 1, new HistoryRange(Chat.At.AddDays(-1), Chat.At));
        await _history.GetMessagesAsync(admin, Theirs, 1, HistoryRange.All);
        Assert.Equal(4, _api.HistoryRequests.Count);

        _clock.Advance(MessagePageCache.Lifetime);
        await _history.GetMessagesAsync(admin, Mine, 1, HistoryRange.All);
        Assert.Equal(5, _api.HistoryRequests.Count);
    }

    [Fact]
    public async Task Conversations_are_reused_too_and_forgetting_a_number_reads_it_afresh()
    {
        var admin = new OperatorScope("op-1", OperatorRoles.Administrator, null);

        await _history.GetConversationsAsync(admin, Mine, 1, HistoryRange.All);
        await _history.GetConversationsAsync(admin, Mine, 1, HistoryRange.All);
        await _history.GetMessagesAsync(admin, Mine, 1, HistoryRange.All);
        _history.Forget(Mine);
        await _history.GetConversationsAsync(admin, Mine, 1, HistoryRange.All);
        await _history.GetMessagesAsync(admin, Mine, 1, HistoryRange.All);

        Assert.Equal(2, _api.ConversationRequests.Count);
        Assert.Equal(2, _api.HistoryRequests.Count);
    }

    [Fact]
    public async Task Failures_are_not_kept()
    {
        var admin = new OperatorScope("op-1", OperatorRoles.Administrator, null);
        _api.HistoryFailure = new ApiFailure(ApiFailureKind.Unavailable, "Pilot Status did not answer in time.");
        await _history.GetMessagesAsync(admin, Mine, 1, HistoryRange.All);
        _api.HistoryFailure = null;

        var retried = await _history.GetMessagesAsync(admin, Mine, 1, HistoryRange.All);

        Assert.True(retried.Succeeded);
        Assert.Equal(2, _api.HistoryRequests.Count);
    }

    [Fact]
    public async Task An_inverted_range_is_refused_as_INVALID_DATE_RANGE_without_a_call()
    {
        var admin = new OperatorScope("op-1", OperatorRoles.Administrator, null);

        var result = await _history.GetMessagesAsync(admin, Mine, 1, new HistoryRange(Chat.At, Chat.At.AddDays(-1)));

        Assert.Equal((ApiFailureKind.InvalidRequest, HistoryRange.InvalidDateRangeCode), (result.Failure?.Kind, result.Failure?.Code));
        Assert.Empty(_api.HistoryRequests);
    }

    [Theory]
    [InlineData("2026-06-10", "2026-06-10", "2026-06-10T03:00:00Z", "2026-06-11T02:59:59.9999999Z")]
    [InlineData("2026-06-10", "", "2026-06-10T03:00:00Z", null)]
    [InlineData("", "2026-06-10", null, "2026-06-11T02:59:59.9999999Z")]
    public void Days_are_read_in_the_operators_time_zone_from_the_start_of_the_first_to_the_end_of_the_last(
        string from, string to, string? start, string? end)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        var (range, problem) = HistoryRange.FromDays(from, to, zone);

        Assert.Null(problem);
        Assert.Equal(start is null ? null : DateTimeOffset.Parse(start), range!.From);
        Assert.Equal(end is null ? null : DateTimeOffset.Parse(end), range.To);
    }

    [Theory]
    [InlineData("2026-06-11", "2026-06-10", "The start date is after the end date.")]
    [InlineData("10/06/2026", "", "Enter each date in full")]
    [InlineData("2026-02-30", "", "Enter each date in full")]
    public void Days_that_do_not_make_a_range_say_what_to_fix(string from, string to, string says)
    {
        var (range, problem) = HistoryRange.FromDays(from, to, TimeZoneInfo.Utc);

        Assert.Null(range);
        Assert.StartsWith(says, problem);
    }

    [Fact]
    public void A_message_pushed_onto_the_next_page_by_a_new_arrival_is_kept_once()
    {
        var loaded = new LoadedHistory();
        var all = Chat.Many(4);

        loaded.Add(new MessagePage(all[..2], 4, 1, 2, 2, null));
        loaded.Add(new MessagePage(all[1..3], 5, 2, 2, 3, null));

        Assert.Equal(["m000", "m001", "m002"], loaded.Messages.Select(m => m.Id));
        Assert.True(loaded.HasOlder);
        Assert.Equal(3, loaded.NextPage);
    }

    public void Dispose() => _database.Dispose();
}
