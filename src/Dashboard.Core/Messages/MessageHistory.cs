using System.Security.Claims;
using Dashboard.Core.Audit;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Messages;

/// <summary>One customer's numbers, for picking whose messages to read.</summary>
/// <param name="CustomerId">Null for the numbers no customer owns (seen only by those who see everything).</param>
public sealed record CustomerNumbers(int? CustomerId, string? CustomerName, IReadOnlyList<WhatsAppNumber> Numbers);

/// <summary>
/// A number's conversations and message history. Message content is customer data: every call checks the operator's
/// scope first, and a number outside it is "not found", exactly like one that does not exist. One API call per page
/// asked; a page read in the last <see cref="MessagePageCache.Lifetime"/> is answered from memory.
/// </summary>
public sealed class MessageHistory(NumberFleet fleet, IPilotStatusClient pilotStatus, MessagePageCache cache, AuditLog audit)
{
    /// <summary>Messages per page; the API allows up to 100.</summary>
    public const int PageSize = 50;

    public const int ConversationPageSize = 50;

    /// <summary>The number, if the operator may read its messages; records that they opened its history.</summary>
    public async Task<ApiResult<FleetRow>> OpenAsync(OperatorScope scope, ClaimsPrincipal who, string numberId, CancellationToken cancellationToken = default)
    {
        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        if (row.Succeeded)
        {
            await audit.RecordAsync(who, new AuditEvent(AuditActions.MessageHistoryOpened, NumberId: numberId, CustomerId: row.Value.CustomerId), cancellationToken);
        }

        return row;
    }

    /// <param name="fresh">Skip the pages kept from moments ago, to see what arrived since.</param>
    public async Task<ApiResult<MessagePage>> GetMessagesAsync(
        OperatorScope scope, string numberId, int page, HistoryRange range, bool fresh = false, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(scope, numberId, range, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!fresh && cache.Messages(numberId, page, PageSize, range) is { } kept)
        {
            return ApiResult.Success(kept);
        }

        var result = await pilotStatus.GetMessageHistoryAsync(numberId, new PageRequest(page, PageSize, range.From, range.To), cancellationToken);
        if (result.Succeeded)
        {
            cache.Keep(numberId, page, PageSize, range, result.Value);
        }

        return result;
    }

    /// <summary>Conversations whose last message falls in <paramref name="range"/>, most recent first.</summary>
    public async Task<ApiResult<ConversationPage>> GetConversationsAsync(
        OperatorScope scope, string numberId, int page, HistoryRange range, bool fresh = false, CancellationToken cancellationToken = default)
    {
        if (await RefuseAsync(scope, numberId, range, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!fresh && cache.Conversations(numberId, page, ConversationPageSize, range) is { } kept)
        {
            return ApiResult.Success(kept);
        }

        var result = await pilotStatus.GetConversationsAsync(numberId, new PageRequest(page, ConversationPageSize, range.From, range.To), cancellationToken);
        if (result.Succeeded)
        {
            cache.Keep(numberId, page, ConversationPageSize, range, result.Value);
        }

        return result;
    }

    /// <summary>The operator's customers with their numbers, by name; numbers nobody owns come last.</summary>
    public async Task<ApiResult<IReadOnlyList<CustomerNumbers>>> ChoicesAsync(OperatorScope scope, CancellationToken cancellationToken = default)
    {
        var rows = await fleet.AllMatchingAsync(scope, new FleetQuery(), cancellationToken);
        if (!rows.Succeeded)
        {
            return rows.Failure;
        }

        IReadOnlyList<CustomerNumbers> grouped = rows.Value
            .GroupBy(r => (r.CustomerId, r.CustomerName))
            .OrderBy(g => g.Key.CustomerId is null)
            .ThenBy(g => g.Key.CustomerName, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new CustomerNumbers(g.Key.CustomerId, g.Key.CustomerName, g.Select(r => r.Number).ToList()))
            .ToList();
        return ApiResult.Success(grouped);
    }

    /// <summary>Forgets what was kept for this number, so the next pages come from Pilot Status.</summary>
    public void Forget(string numberId) => cache.Forget(numberId);

    private async Task<ApiFailure?> RefuseAsync(OperatorScope scope, string numberId, HistoryRange range, CancellationToken cancellationToken)
    {
        if (range.From > range.To)
        {
            // Pilot Status would answer 400 INVALID_DATE_RANGE; say it here without the round trip.
            return new ApiFailure(ApiFailureKind.InvalidRequest,
                "The start date is after the end date. Pick a start date on or before the end date.", HistoryRange.InvalidDateRangeCode);
        }

        var row = await fleet.FindAsync(scope, numberId, cancellationToken);
        return row.Succeeded ? null : row.Failure;
    }
}
