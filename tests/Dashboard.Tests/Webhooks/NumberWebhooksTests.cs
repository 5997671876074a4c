using Dashboard.Core.Audit;
using Dashboard.Core.Customers;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Webhooks;
using Dashboard.Core.Webhooks;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Webhooks;

public sealed class NumberWebhooksTests : IDisposable
{
    private static readonly OperatorScope Administrator = new("admin-1", OperatorRoles.Administrator, null);
    private static readonly OperatorScope Operator = new("operator-1", OperatorRoles.Operator, null);

    private readonly TestDatabase _database = new();
    private readonly FakePilotStatusClient _api = new();
    private readonly PilotStatusOptions _options = new();
    private readonly NumberWebhooks _webhooks;
    private int _padaria;

    public NumberWebhooksTests()
    {
        _api.Numbers.AddRange(
        [
            FakePilotStatusClient.Number("num-padaria", "Padaria Estrela", "+5511982056555"),
            FakePilotStatusClient.Number("num-other", "Clínica Sorriso", "+5521984349701"),
        ]);
        var directory = new CustomerDirectory(_database);
        _webhooks = new NumberWebhooks(_api, new NumberFleet(_api, directory, new FleetIndex()),
            new AuditLog(_database, new RequestOrigin(), TimeProvider.System, NullLogger<AuditLog>.Instance), Options.Create(_options));
    }

    private OperatorScope Support => new("support-1", OperatorRoles.Support, new HashSet<int> { _padaria });

    private async Task AssignPadariaAsync()
    {
        _padaria = await _database.AddCustomerAsync("Padaria Estrela");
        await _database.AssignAsync("num-padaria", _padaria);
    }

    [Theory]
    [InlineData(OperatorRoles.Administrator)]
    [InlineData(OperatorRoles.Operator)]
    public async Task Administrators_and_operators_create_change_pause_resume_and_delete_each_audited_once(string role)
    {
        var scope = role == OperatorRoles.Administrator ? Administrator : Operator;

        var created = Ok(await _webhooks.CreateAsync(scope, "num-padaria", new NewWebhook(" CRM ", "https://crm.example.com/hook", [WebhookEvents.MessageDelivered])));
        Ok(await _webhooks.UpdateAsync(scope, "num-padaria", created.Id, new WebhookChange(Events: [WebhookEvents.MessageRead])));
        Assert.False(Ok(await _webhooks.PauseAsync(scope, "num-padaria", created.Id)).Active);
        Assert.True(Ok(await _webhooks.ResumeAsync(scope, "num-padaria", created.Id)).Active);
        Ok(await _webhooks.DeleteAsync(scope, "num-padaria", created));

        Assert.Empty(Ok(await _webhooks.ListAsync(scope, "num-padaria")));
        Assert.Equal("CRM", created.Name);
        var audited = await AuditAsync();
        Assert.Equal(
            [AuditActions.WebhookCreated, AuditActions.WebhookChanged, AuditActions.WebhookChanged, AuditActions.WebhookChanged, AuditActions.WebhookDeleted],
            audited.Select(a => a.Action));
        Assert.All(audited, a => Assert.Equal(("num-padaria", scope.OperatorId), (a.NumberId, a.OperatorId)));
        Assert.Contains("message.read", audited[1].Detail);
        Assert.Contains("paused", audited[2].Detail);
        Assert.Contains("resumed", audited[3].Detail);
    }

    [Fact]
    public async Task Secrets_in_a_customers_webhook_address_stay_out_of_the_audit_log()
    {
        var created = Ok(await _webhooks.CreateAsync(Administrator, "num-padaria",
            new NewWebhook("CRM", "https://bot:hunter2@crm.example.com/hook?token=s3cr3t", [WebhookEvents.MessageDelivered])));
        Ok(await _webhooks.UpdateAsync(Administrator, "num-padaria", created.Id, new WebhookChange(Url: "https://crm.example.com/hook?token=n3wS3cr3t")));
        Ok(await _webhooks.DeleteAsync(Administrator, "num-padaria", created with { Url = "https://crm.example.com/hook?token=n3wS3cr3t" }));

        var details = (await AuditAsync()).Select(a => a.Detail!).ToList();

        Assert.Equal(3, details.Count);
        Assert.Contains("https://***@crm.example.com/hook?token=***", details[0]);
        Assert.All(details, d => Assert.DoesNotContain("s3cr3t", d, StringComparison.OrdinalIgnoreCase));
        Assert.All(details, d => Assert.DoesNotContain("hunter2", d));
    }

    [Fact]
    public async Task Support_sees_the_webhooks_and_logs_of_their_customers_numbers_but_cannot_change_them()
    {
        await AssignPadariaAsync();
        var hook = Ok(await _webhooks.CreateAsync(Administrator, "num-padaria", new NewWebhook("CRM", "https://crm.example.com/hook", [])));
        _api.WebhookLogs[hook.Id] = [new WebhookDelivery("log-1", "message.sent", "SUCCESS", 200, "{}", "ok", TimeSpan.FromMilliseconds(40), DateTimeOffset.UnixEpoch)];
        var before = (await AuditAsync()).Count;

        Assert.Single(Ok(await _webhooks.ListAsync(Support, "num-padaria")));
        Assert.Single(Ok(await _webhooks.LogsAsync(Support, "num-padaria", hook.Id)));
        var refusals = new[]
        {
            (await _webhooks.CreateAsync(Support, "num-padaria", new NewWebhook("X", "https://x.example.com", []))).Failure,
            (await _webhooks.PauseAsync(Support, "num-padaria", hook.Id)).Failure,
            (await _webhooks.UpdateAsync(Support, "num-padaria", hook.Id, new WebhookChange(Name: "Y"))).Failure,
            (await _webhooks.DeleteAsync(Support, "num-padaria", hook)).Failure,
        };

        Assert.All(refusals, f => Assert.Equal((ApiFailureKind.Forbidden, NumberWebhooks.NotPermitted), (f?.Kind, f?.Message)));
        var still = Assert.Single(_api.Webhooks).Webhook;
        Assert.Equal(("CRM", true), (still.Name, still.Active));
        Assert.Equal(before, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task A_number_outside_the_operators_scope_is_not_found_whether_viewing_or_changing()
    {
        await AssignPadariaAsync();
        var hook = Ok(await _webhooks.CreateAsync(Administrator, "num-other", new NewWebhook("CRM", "https://crm.example.com/hook", [])));

        var answers = new[]
        {
            (await _webhooks.ListAsync(Support, "num-other")).Failure,
            (await _webhooks.LogsAsync(Support, "num-other", hook.Id)).Failure,
            (await _webhooks.CreateAsync(Support, "num-other", new NewWebhook("X", "https://x.example.com", []))).Failure,
            (await _webhooks.DeleteAsync(Support, "num-other", hook)).Failure,
            (await _webhooks.ListAsync(Administrator, "no-such-number")).Failure,
        };

        Assert.All(answers, f => Assert.Equal(NumberFleet.NotFound, f));
        Assert.Single(_api.Webhooks);
    }

    [Fact]
    public async Task Outside_sandbox_mode_a_plain_http_address_is_refused_and_nothing_is_created()
    {
        _options.Mode = PilotStatusMode.Live;

        var created = await _webhooks.CreateAsync(Operator, "num-padaria", new NewWebhook("CRM", "http://crm.example.com/hook", ["*"]));
        var changed = await _webhooks.UpdateAsync(Operator, "num-padaria", "wh_1", new WebhookChange(Url: "http://crm.example.com/hook"));

        Assert.Equal(NumberWebhooks.HttpsRequired, created.Failure?.Message);
        Assert.Equal(NumberWebhooks.HttpsRequired, changed.Failure?.Message);
        Assert.Empty(_api.Webhooks);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task In_sandbox_mode_http_is_accepted_but_an_address_that_is_not_a_url_is_refused_with_what_to_do()
    {
        Ok(await _webhooks.CreateAsync(Operator, "num-padaria", new NewWebhook("Local", "http://127.0.0.1:5000/hook", ["*"])));

        var bad = await _webhooks.CreateAsync(Operator, "num-padaria", new NewWebhook("Typo", "crm.example.com/hook", ["*"]));

        Assert.Equal(ApiFailureKind.InvalidRequest, bad.Failure?.Kind);
        Assert.StartsWith("Enter the webhook's address as a full URL", bad.Failure?.Message);
        Assert.Single(_api.Webhooks);
    }

    [Fact]
    public async Task A_change_Pilot_Status_refuses_is_not_audited()
    {
        var failed = await _webhooks.PauseAsync(Operator, "num-padaria", "wh_missing");

        Assert.Equal(ApiFailureKind.NotFound, failed.Failure?.Kind);
        Assert.Empty(await AuditAsync());
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    private static T Ok<T>(ApiResult<T> result)
    {
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }

    public void Dispose() => _database.Dispose();
}
