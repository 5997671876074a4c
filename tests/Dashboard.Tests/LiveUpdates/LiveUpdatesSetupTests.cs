using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Data;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Webhooks;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.LiveUpdates;

/// <summary>"Enable live updates" against the real sandbox, through the real client.</summary>
public sealed class LiveUpdatesSetupTests : IDisposable
{
    private const string PublicBaseUrl = "http://127.0.0.1:9";

    private static readonly OperatorScope Administrator = new("operator-1", OperatorRoles.Administrator, null);

    private readonly DashboardAppFactory _app = new(new Dictionary<string, string?>
    {
        ["LiveUpdates:PublicBaseUrl"] = PublicBaseUrl,
        ["PilotStatus:Sandbox:FleetSize"] = "6",
    });

    private readonly AsyncServiceScope _scope;

    public LiveUpdatesSetupTests()
    {
        _ = _app.Server; // Starts the host, and with it the sandbox.
        _scope = _app.Services.CreateAsyncScope();
    }

    private LiveUpdatesSetup Setup => _scope.ServiceProvider.GetRequiredService<LiveUpdatesSetup>();

    private AuditLog Audit => _scope.ServiceProvider.GetRequiredService<AuditLog>();

    private IPilotStatusClient Api => _scope.ServiceProvider.GetRequiredService<IPilotStatusClient>();

    [Fact]
    public async Task Enabling_adds_the_receiver_webhook_with_lifecycle_and_message_status_events_to_every_number_once_and_is_audited()
    {
        var url = Ok(await Setup.ReceiverUrlAsync());
        Assert.StartsWith(PublicBaseUrl + "/hooks/pilot-status/", url);
        var steps = new List<LiveUpdatesStep>();

        var first = Ok(await Setup.EnableAsync(Administrator, User(OperatorRoles.Administrator), Audit, new SynchronousProgress(steps)));

        var numbers = Ok(await Api.ListNumbersAsync()).Numbers;
        Assert.Equal((numbers.Count, 0, 0), (first.Added, first.AlreadyThere, first.Failures.Count));
        Assert.Equal(numbers.Count, steps.Count);
        Assert.Equal(numbers.Count, steps[^1].Done);
        foreach (var number in numbers)
        {
            var hook = Assert.Single(Ok(await Api.ListWebhooksAsync(number.Id)));
            Assert.Equal(url, hook.Url);
            Assert.Equal(
                WebhookEvents.NumberLifecycle.Concat(WebhookEvents.OutboundStatus).Order(),
                hook.Events.Order());
        }

        var again = Ok(await Setup.EnableAsync(Administrator, User(OperatorRoles.Administrator), Audit));
        Assert.Equal((0, numbers.Count), (again.Added, again.AlreadyThere));
        Assert.True(await Setup.IsEnabledAsync());

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var audited = await db.AuditEntries.Where(e => e.Action == AuditActions.LiveUpdatesEnabled).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.Equal("operator-1", e.OperatorId));
        Assert.Contains($"added to {numbers.Count}", audited[0].Detail);
    }

    [Theory]
    [InlineData(OperatorRoles.Operator)]
    [InlineData(OperatorRoles.Support)]
    public async Task Only_an_administrator_may_enable_it_and_a_refusal_changes_nothing(string role)
    {
        var scope = new OperatorScope("operator-2", role, role == OperatorRoles.Support ? new HashSet<int>() : null);

        var result = await Setup.EnableAsync(scope, User(role), Audit);

        Assert.Equal((ApiFailureKind.Forbidden, LiveUpdatesSetup.NotPermitted), (result.Failure?.Kind, result.Failure?.Message));
        Assert.False(await Setup.IsEnabledAsync());
        var any = Ok(await Api.ListNumbersAsync()).Numbers[0];
        Assert.Empty(Ok(await Api.ListWebhooksAsync(any.Id)));
    }

    [Fact]
    public async Task Once_enabled_a_number_added_from_the_dashboard_gets_the_webhook_on_creation()
    {
        await Setup.EnableAsync(Administrator, User(OperatorRoles.Administrator), Audit);
        var administration = _scope.ServiceProvider.GetRequiredService<NumberAdministration>();

        var added = await administration.AddAsync(Administrator, "Nova loja", "+55 11 91234-5678", null, Guid.NewGuid());

        var hook = Assert.Single(Ok(await Api.ListWebhooksAsync(Ok(added).Number.Id)));
        Assert.Equal(Ok(await Setup.ReceiverUrlAsync()), hook.Url);
    }

    [Fact]
    public async Task Before_it_is_enabled_a_new_number_gets_no_webhook()
    {
        var administration = _scope.ServiceProvider.GetRequiredService<NumberAdministration>();

        var added = await administration.AddAsync(Administrator, "Nova loja", "+55 11 91234-5679", null, Guid.NewGuid());

        Assert.Empty(Ok(await Api.ListWebhooksAsync(Ok(added).Number.Id)));
    }

    private static T Ok<T>(ApiResult<T> result)
    {
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }

    private static ClaimsPrincipal User(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "operator-1"), new Claim(ClaimTypes.Email, "ana@example.com"), new Claim(ClaimTypes.Role, role)], "test"));

    public void Dispose()
    {
        _scope.Dispose();
        _app.Dispose();
    }

    private sealed class SynchronousProgress(List<LiveUpdatesStep> steps) : IProgress<LiveUpdatesStep>
    {
        public void Report(LiveUpdatesStep value) => steps.Add(value);
    }
}
