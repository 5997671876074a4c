using Dashboard.Core.Audit;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Webhooks;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Webhooks;

/// <summary>
/// The webhooks of one number, for the detail panel. Every method checks the operator's scope first (a number the operator
/// may not see is NotFound); Administrators and Operators may change webhooks, Support may only look. Each change is audited once.
/// </summary>
public sealed class NumberWebhooks(IPilotStatusClient pilotStatus, NumberFleet fleet, AuditLog audit, IOptions<PilotStatusOptions> options)
{
    public const string NotPermitted = "Your role can view webhooks but not change them. Ask an administrator or an operator.";
    public const string HttpsRequired = "The live Pilot Status service posts only to https addresses: enter a URL starting with https://.";

    /// <summary>Every message this service writes itself, so a test can hold them to their translations.</summary>
    public static IReadOnlyList<string> AllMessages { get; } = [NotPermitted, HttpsRequired];

    public static bool CanChange(OperatorScope scope) => scope.CanManageNumbers;

    /// <summary>Whether plain http addresses are accepted: only against the sandbox, which posts on loopback.</summary>
    public bool AllowsPlainHttp => options.Value.Mode == PilotStatusMode.Sandbox;

    public async Task<ApiResult<IReadOnlyList<Webhook>>> ListAsync(OperatorScope scope, string numberId, CancellationToken cancellationToken = default)
    {
        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        return row.Succeeded ? await pilotStatus.ListWebhooksAsync(numberId, cancellationToken) : row.Failure;
    }

    public async Task<ApiResult<IReadOnlyList<WebhookDelivery>>> LogsAsync(
        OperatorScope scope, string numberId, string webhookId, CancellationToken cancellationToken = default)
    {
        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        return row.Succeeded ? await pilotStatus.GetWebhookLogsAsync(numberId, webhookId, null, cancellationToken) : row.Failure;
    }

    public async Task<ApiResult<Webhook>> CreateAsync(OperatorScope scope, string numberId, NewWebhook webhook, CancellationToken cancellationToken = default)
    {
        var row = await CheckChangeAsync(scope, numberId, webhook.Name, webhook.Url, webhook.Events, cancellationToken);
        if (!row.Succeeded)
        {
            return row.Failure;
        }

        var created = await pilotStatus.CreateWebhookAsync(numberId, webhook with { Name = webhook.Name.Trim(), Url = webhook.Url.Trim() }, CancellationToken.None);
        if (created.Succeeded)
        {
            await audit.RecordAsync(scope, new AuditEvent(AuditActions.WebhookCreated, NumberId: numberId, CustomerId: row.Value.CustomerId,
                Detail: $"{created.Value.Name} → {WebhookUrl.Redact(created.Value.Url)}; events: {Events(created.Value.Events)}"));
        }

        return created;
    }

    /// <param name="change">Its <see cref="WebhookChange.Events"/>, when set, replaces the whole list.</param>
    public async Task<ApiResult<Webhook>> UpdateAsync(
        OperatorScope scope, string numberId, string webhookId, WebhookChange change, CancellationToken cancellationToken = default)
    {
        var row = await CheckChangeAsync(scope, numberId, change.Name, change.Url, change.Events, cancellationToken);
        if (!row.Succeeded)
        {
            return row.Failure;
        }

        var updated = await pilotStatus.UpdateWebhookAsync(numberId, webhookId, change, CancellationToken.None);
        if (updated.Succeeded)
        {
            await audit.RecordAsync(scope, new AuditEvent(AuditActions.WebhookChanged, NumberId: numberId, CustomerId: row.Value.CustomerId,
                Detail: $"{webhookId} ({updated.Value.Name}): {Describe(change)}"));
        }

        return updated;
    }

    public Task<ApiResult<Webhook>> PauseAsync(OperatorScope scope, string numberId, string webhookId, CancellationToken cancellationToken = default) =>
        UpdateAsync(scope, numberId, webhookId, WebhookChange.Pause, cancellationToken);

    public Task<ApiResult<Webhook>> ResumeAsync(OperatorScope scope, string numberId, string webhookId, CancellationToken cancellationToken = default) =>
        UpdateAsync(scope, numberId, webhookId, WebhookChange.Resume, cancellationToken);

    public async Task<ApiResult<WebhookDeleted>> DeleteAsync(OperatorScope scope, string numberId, Webhook webhook, CancellationToken cancellationToken = default)
    {
        var row = await CheckChangeAsync(scope, numberId, null, null, null, cancellationToken);
        if (!row.Succeeded)
        {
            return row.Failure;
        }

        var deleted = await pilotStatus.DeleteWebhookAsync(numberId, webhook.Id, CancellationToken.None);
        if (deleted.Succeeded)
        {
            await audit.RecordAsync(scope, new AuditEvent(AuditActions.WebhookDeleted, NumberId: numberId, CustomerId: row.Value.CustomerId,
                Detail: $"{webhook.Id} ({webhook.Name}) → {WebhookUrl.Redact(webhook.Url)}"));
        }

        return deleted;
    }

    private async Task<ApiResult<FleetRow>> CheckChangeAsync(
        OperatorScope scope, string numberId, string? name, string? url, IReadOnlyList<string>? events, CancellationToken cancellationToken)
    {
        // Scope before role: Support must not learn that a number outside their customers exists.
        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        if (!row.Succeeded)
        {
            return row;
        }

        if (!CanChange(scope))
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        if (WebhookInput.Problem(name, url, events) is { } problem)
        {
            return problem;
        }

        if (url is not null && !AllowsPlainHttp && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) && address.Scheme != Uri.UriSchemeHttps)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, HttpsRequired);
        }

        return row;
    }

    private static string Events(IReadOnlyList<string> events) => events.Count == 0 ? "none" : string.Join(", ", events);

    private static string Describe(WebhookChange change) => string.Join("; ", new[]
    {
        change.Name is null ? null : $"name {change.Name}",
        change.Url is null ? null : $"URL {WebhookUrl.Redact(change.Url)}",
        change.Events is null ? null : $"events {Events(change.Events)}",
        change.Active switch { true => "resumed", false => "paused", null => null },
    }.Where(p => p is not null));
}
