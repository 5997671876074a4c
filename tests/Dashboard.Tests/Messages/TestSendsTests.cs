using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Messages;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.Settings;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Messages;

public sealed class TestSendsTests : IDisposable
{
    private static readonly OperatorScope Administrator = new("admin-1", OperatorRoles.Administrator, null);
    private static readonly OperatorScope Operator = new("operator-1", OperatorRoles.Operator, null);

    private readonly TestDatabase _database = new();
    private readonly FakePilotStatusClient _api = new();
    private readonly TestSends _sends;
    private int _padaria;

    public TestSendsTests()
    {
        _api.Numbers.AddRange(
        [
            FakePilotStatusClient.Number("num-padaria", "Padaria Estrela", "+5511982056555"),
            FakePilotStatusClient.Number("num-other", "Clínica Sorriso", "+5521984349701"),
            FakePilotStatusClient.Number("num-closed", "Fechado", "+5531988887777", "CLOSE"),
        ]);
        var directory = new CustomerDirectory(_database);
        _sends = new TestSends(_api, new NumberFleet(_api, directory, new FleetIndex()), new DashboardSettings(_database, TimeProvider.System),
            new AuditLog(_database, new RequestOrigin(), TimeProvider.System, NullLogger<AuditLog>.Instance));
    }

    private OperatorScope Support => new("support-1", OperatorRoles.Support, new HashSet<int> { _padaria });

    [Theory]
    [InlineData(OperatorRoles.Administrator)]
    [InlineData(OperatorRoles.Operator)]
    public async Task A_phone_typed_as_people_do_is_sent_in_E164_and_audited_once(string role)
    {
        var scope = role == OperatorRoles.Administrator ? Administrator : Operator;

        var sent = await _sends.SendAsync(scope, "num-padaria", "(11) 99999-8888", "Teste do painel");

        Assert.Equal("msg_1", sent.Value?.Id);
        Assert.Equal(("num-padaria", new OutgoingText("+5511999998888", "Teste do painel")), Assert.Single(_api.Sends));
        var audited = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.TestMessageSent, "num-padaria", scope.OperatorId), (audited.Action, audited.NumberId, audited.OperatorId));
        Assert.Contains("+5511999998888", audited.Detail);
        Assert.Contains("msg_1", audited.Detail);
    }

    [Fact]
    public async Task Support_may_send_only_once_an_administrator_allowed_it_and_the_change_is_audited()
    {
        await AssignPadariaAsync();

        var refused = await _sends.SendAsync(Support, "num-padaria", "(11) 99999-8888", "Oi");
        Assert.False(await _sends.MaySendAsync(Support));
        Assert.Equal((ApiFailureKind.Forbidden, TestSends.NotPermitted), (refused.Failure?.Kind, refused.Failure?.Message));
        Assert.Empty(_api.Sends);

        Assert.True((await _sends.SetSupportMaySendAsync(Administrator, true)).Succeeded);
        var sent = await _sends.SendAsync(Support, "num-padaria", "(11) 99999-8888", "Oi");

        Assert.True(sent.Succeeded, sent.Failure?.Message);
        Assert.Equal([AuditActions.SettingChanged, AuditActions.TestMessageSent], (await AuditAsync()).Select(a => a.Action));
    }

    [Theory]
    [InlineData(OperatorRoles.Operator)]
    [InlineData(OperatorRoles.Support)]
    public async Task Only_an_administrator_may_allow_Support_to_send(string role)
    {
        var scope = new OperatorScope("someone", role, role == OperatorRoles.Support ? new HashSet<int>() : null);

        var result = await _sends.SetSupportMaySendAsync(scope, true);

        Assert.Equal(TestSends.OnlyAdministratorsAllow, result.Failure?.Message);
        Assert.False(await _sends.SupportMaySendAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_number_outside_the_scope_is_not_found_even_when_Support_may_send()
    {
        await AssignPadariaAsync();
        await _sends.SetSupportMaySendAsync(Administrator, true);

        var sent = await _sends.SendAsync(Support, "num-other", "(11) 99999-8888", "Oi");
        var status = await _sends.StatusAsync(Support, "num-other", "msg_1");

        Assert.Equal(NumberFleet.NotFound, sent.Failure);
        Assert.Equal(NumberFleet.NotFound, status.Failure);
        Assert.Empty(_api.Sends);
    }

    [Theory]
    [InlineData("num-closed", "(11) 99999-8888", "Oi", TestSends.NotConnected)]
    [InlineData("num-padaria", "99999-8888", "Oi", PhoneInput.MissingAreaCode)]
    [InlineData("num-padaria", "(11) 99999-8888", "  ", TestSends.TextRequired)]
    public async Task Bad_input_or_a_disconnected_number_is_refused_with_what_to_do_and_nothing_is_sent(string numberId, string phone, string text, string problem)
    {
        var sent = await _sends.SendAsync(Operator, numberId, phone, text);

        Assert.Equal(problem, sent.Failure?.Message);
        Assert.Empty(_api.Sends);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_text_over_4096_characters_is_refused()
    {
        var ok = await _sends.SendAsync(Operator, "num-padaria", "(11) 99999-8888", new string('a', OutgoingText.MaxLength));
        var tooLong = await _sends.SendAsync(Operator, "num-padaria", "(11) 99999-8888", new string('a', OutgoingText.MaxLength + 1));

        Assert.True(ok.Succeeded);
        Assert.Equal(TestSends.TextTooLong, tooLong.Failure?.Message);
        Assert.Single(_api.Sends);
    }

    private async Task AssignPadariaAsync()
    {
        _padaria = await _database.AddCustomerAsync("Padaria Estrela");
        await _database.AssignAsync("num-padaria", _padaria);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    public void Dispose() => _database.Dispose();
}
