using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Webhooks;
using Dashboard.Core.Settings;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.LiveUpdates;

public enum LiveUpdatesOutcome
{
    Added,
    AlreadyThere,
    Failed,
}

/// <summary>How one number fared while live updates were being enabled.</summary>
public sealed record LiveUpdatesStep(string NumberId, string Label, LiveUpdatesOutcome Outcome, string? Message, int Done, int Total);

/// <param name="StoppedBy">Set when Pilot Status stopped the run (rate limit, key refused, down); later numbers were not tried.</param>
public sealed record LiveUpdatesReport(int Added, int AlreadyThere, IReadOnlyList<LiveUpdatesStep> Failures, ApiFailure? StoppedBy);

/// <summary>
/// Makes the dashboard a webhook receiver of every number: "Enable live updates" adds the receiver webhook to each
/// number that lacks it, and once enabled every number created from the dashboard gets it on creation.
/// </summary>
public sealed partial class LiveUpdatesSetup(
    IPilotStatusClient pilotStatus,
    NumberFleet fleet,
    ReceiverToken token,
    DashboardSettings settings,
    IOptions<LiveUpdatesOptions> options,
    IOptions<PilotStatusOptions> pilotStatusOptions,
    IServiceProvider services,
    ILogger<LiveUpdatesSetup> logger)
{
    public const string NotPermitted = "Only administrators can enable live updates.";
    public const string NoPublicAddress = "Set LiveUpdates:PublicBaseUrl to the dashboard's address as Pilot Status reaches it (https://…), then try again.";
    public const string NotHttps = "LiveUpdates:PublicBaseUrl must start with https:// when the dashboard talks to the live Pilot Status.";
    public const string WebhookName = "Pilot Status Fleet dashboard (live updates)";

    /// <summary>Number lifecycle and message status: what keeps the list and a test send live.</summary>
    public static IReadOnlyList<string> Events { get; } = [.. WebhookEvents.NumberLifecycle, .. WebhookEvents.OutboundStatus];

    public Task<bool> IsEnabledAsync(CancellationToken cancellationToken = default) =>
        settings.GetFlagAsync(DashboardSettingKeys.LiveUpdatesEnabled, cancellationToken);

    /// <summary>The URL Pilot Status posts to, or a failure that says which setting to fix.</summary>
    public async Task<ApiResult<string>> ReceiverUrlAsync(CancellationToken cancellationToken = default)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && pilotStatusOptions.Value.Mode == PilotStatusMode.Sandbox)
        {
            baseUrl = OwnAddress();
        }

        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, NoPublicAddress);
        }

        if (pilotStatusOptions.Value.Mode == PilotStatusMode.Live && !baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, NotHttps);
        }

        return ApiResult.Success($"{baseUrl.TrimEnd('/')}{ReceiverToken.PathPrefix}/{await token.GetOrCreateAsync(cancellationToken)}");
    }

    /// <summary>Adds the receiver webhook to every number that lacks it, number by number, and remembers that live updates are on.</summary>
    public async Task<ApiResult<LiveUpdatesReport>> EnableAsync(
        OperatorScope scope, ClaimsPrincipal user, AuditLog audit, IProgress<LiveUpdatesStep>? progress = null, CancellationToken cancellationToken = default)
    {
        if (scope.Role != OperatorRoles.Administrator)
        {
            return new ApiFailure(ApiFailureKind.Forbidden, NotPermitted);
        }

        var url = await ReceiverUrlAsync(cancellationToken);
        if (!url.Succeeded)
        {
            return url.Failure;
        }

        var numbers = await fleet.AllMatchingAsync(scope, new FleetQuery(), cancellationToken);
        if (!numbers.Succeeded)
        {
            return numbers.Failure;
        }

        // Remembered first: a number created while this runs gets the webhook on creation instead of being missed.
        await settings.SetFlagAsync(DashboardSettingKeys.LiveUpdatesEnabled, true, user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);

        int added = 0, already = 0, done = 0;
        var failures = new List<LiveUpdatesStep>();
        ApiFailure? stoppedBy = null;
        foreach (var row in numbers.Value)
        {
            var label = row.Number.Name ?? row.Number.Phone ?? row.Number.Id;
            var outcome = await AddReceiverAsync(row.Number.Id, url.Value, cancellationToken);
            done++;
            var step = outcome.Succeeded
                ? new LiveUpdatesStep(row.Number.Id, label, outcome.Value, null, done, numbers.Value.Count)
                : new LiveUpdatesStep(row.Number.Id, label, LiveUpdatesOutcome.Failed, outcome.Failure.Message, done, numbers.Value.Count);
            switch (step.Outcome)
            {
                case LiveUpdatesOutcome.Added: added++; break;
                case LiveUpdatesOutcome.AlreadyThere: already++; break;
                default: failures.Add(step); break;
            }

            progress?.Report(step);
            if (!outcome.Succeeded && outcome.Failure.Kind is ApiFailureKind.RateLimited or ApiFailureKind.Unauthorized or ApiFailureKind.Unavailable)
            {
                stoppedBy = outcome.Failure;
                break;
            }
        }

        await audit.RecordAsync(user, new AuditEvent(AuditActions.LiveUpdatesEnabled,
            Detail: $"Receiver webhook added to {added}, already on {already}, failed on {failures.Count} of {numbers.Value.Count} numbers"
                + (stoppedBy is null ? "" : $"; stopped: {stoppedBy.Message}")));
        return ApiResult.Success(new LiveUpdatesReport(added, already, failures, stoppedBy));
    }

    /// <summary>For a number just created from the dashboard: adds the receiver webhook when live updates are on. Never fails the caller.</summary>
    public async Task AddToNewNumberAsync(string numberId, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await IsEnabledAsync(cancellationToken))
            {
                return;
            }

            var url = await ReceiverUrlAsync(cancellationToken);
            ApiResult<LiveUpdatesOutcome> outcome = url.Succeeded ? await AddReceiverAsync(numberId, url.Value, cancellationToken) : url.Failure;
            if (!outcome.Succeeded)
            {
                LogNewNumberFailed(logger, numberId, outcome.Failure.Message);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNewNumberFailed(logger, numberId, e.Message);
        }
    }

    private async Task<ApiResult<LiveUpdatesOutcome>> AddReceiverAsync(string numberId, string url, CancellationToken cancellationToken)
    {
        var existing = await pilotStatus.ListWebhooksAsync(numberId, cancellationToken);
        if (!existing.Succeeded)
        {
            return existing.Failure;
        }

        if (existing.Value.Any(w => string.Equals(w.Url, url, StringComparison.Ordinal)))
        {
            return ApiResult.Success(LiveUpdatesOutcome.AlreadyThere);
        }

        var created = await pilotStatus.CreateWebhookAsync(numberId, new NewWebhook(WebhookName, url, Events), cancellationToken);
        return created.Succeeded ? ApiResult.Success(LiveUpdatesOutcome.Added) : created.Failure;
    }

    /// <summary>The address this dashboard listens on, for the sandbox (which runs on this machine); wildcard hosts become localhost.</summary>
    private string? OwnAddress()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        return address?.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Number {NumberId} was created but its live-updates webhook could not be added: {Reason}")]
    private static partial void LogNewNumberFailed(ILogger logger, string numberId, string reason);
}
