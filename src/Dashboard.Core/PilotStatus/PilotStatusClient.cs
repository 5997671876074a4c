using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Api;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Core.PilotStatus.Webhooks;
using Refit;

namespace Dashboard.Core.PilotStatus;

internal sealed class PilotStatusClient(
    IPilotStatusApi api,
    NumberListCache numberList,
    NumberKeyStore numberKeys,
    FailureTranslator failures,
    ApiCallMonitor monitor,
    TimeProvider clock) : IPilotStatusClient
{
    public DateTimeOffset? NumberListFetchedAt => numberList.FetchedAt;

    public void InvalidateNumberList() => numberList.Invalidate();

    public async Task<ApiResult<NumberList>> ListNumbersAsync(CancellationToken cancellationToken = default) =>
        await numberList.GetAsync(FetchNumberListAsync, cancellationToken);

    public async Task<ApiResult<NumberDetail>> GetNumberAsync(string numberId, bool refreshFromMeta = false, CancellationToken cancellationToken = default) =>
        Record(await SendAsync(
            ct => api.GetNumberAsync(numberId, refreshFromMeta ? "1" : null, ct),
            wire => NumberMapping.ToDetail(wire, numberId),
            CallContext.ForNumber(numberId),
            cancellationToken));

    public async Task<ApiResult<CreatedNumber>> CreateNumberAsync(NewNumber number, CancellationToken cancellationToken = default)
    {
        var phone = PhoneDisplay.ToE164(number.Phone);
        if (string.IsNullOrWhiteSpace(number.Name) || !PhoneDisplay.IsPossibleE164(phone))
        {
            return InvalidInput();
        }

        try
        {
            var created = Record(await SendAsync(
                ct => api.CreateNumberAsync(new CreateNumberBody(number.Name.Trim(), phone!), ct),
                NumberMapping.ToCreated,
                new CallContext("The new number"),
                cancellationToken));

            // An answer without the number's own fields still names it: what the operator typed is what was created.
            return created.Map(value => value with { Name = value.Name ?? number.Name.Trim(), Phone = value.Phone ?? phone });
        }
        finally
        {
            // Even a timed-out create may have provisioned the number upstream: never serve a list from before it.
            numberList.Invalidate();
        }
    }

    public async Task<ApiResult<ConnectCode>> ConnectNumberAsync(string numberId, CancellationToken cancellationToken = default)
    {
        try
        {
            return Record(await SendAsync(
                ct => api.ConnectNumberAsync(numberId, ct),
                NumberMapping.ToConnectCode,
                CallContext.ForNumber(numberId) with
                {
                    ConflictMessage = $"Number '{numberId}' is already connected, so there is no new code to scan. Reload its status to see it.",
                },
                cancellationToken));
        }
        finally
        {
            numberList.Invalidate(); // Connecting moves the number to CONNECTING.
        }
    }

    public async Task<ApiResult<LiveStatus>> GetLiveStatusAsync(string numberId, CancellationToken cancellationToken = default) =>
        Record(await SendAsync(
            ct => api.GetStatusAsync(numberId, ct),
            wire => NumberMapping.ToLiveStatus(wire, numberId, clock.GetUtcNow()),
            CallContext.ForNumber(numberId),
            cancellationToken));

    public async Task<ApiResult<NumberRemoved>> DeleteNumberAsync(string numberId, CancellationToken cancellationToken = default)
    {
        try
        {
            return Record(await SendAsync(
                ct => api.DeleteNumberAsync(numberId, ct),
                _ => new NumberRemoved(numberId),
                CallContext.ForNumber(numberId),
                cancellationToken));
        }
        finally
        {
            numberList.Invalidate();
        }
    }

    public async Task<ApiResult<RemotePairingLink>> CreateRemotePairingLinkAsync(RemotePairingRequest request, CancellationToken cancellationToken = default)
    {
        var phone = PhoneDisplay.ToE164(request.Phone);
        if (string.IsNullOrWhiteSpace(request.Name) || !PhoneDisplay.IsPossibleE164(phone))
        {
            return InvalidInput();
        }

        try
        {
            var created = await SendAsync(
                ct => api.CreateRemotePairingAsync(new RemotePairingBody(request.Name.Trim(), phone!, request.SendViaWhatsApp), ct),
                NumberMapping.ToPairingLink,
                new CallContext("The pairing link"),
                cancellationToken);

            // No number id is involved: a 404 here can only mean the endpoint itself is missing for this account.
            return Record(created.Failure is { Kind: ApiFailureKind.NotFound } missing
                ? new ApiFailure(ApiFailureKind.NotAvailable,
                    "Remote pairing is not available for this Pilot Status account (HTTP 404). Connect the number with a code instead, " +
                    "or ask Pilot Status to enable remote pairing.", missing.Code)
                : created);
        }
        finally
        {
            numberList.Invalidate(); // Remote pairing creates the number (in CLOSE state) right away.
        }
    }

    public async Task<ApiResult<MessagePage>> GetMessageHistoryAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default) =>
        Record(await ConfirmGoneAsync(numberId, "Message history", await SendForNumberAsync(
            numberId,
            (key, ct) => api.GetMessageHistoryAsync(numberId, page.FromText, page.ToText, page.SafePage, page.SafePageSize, key, ct),
            wire => MessageMapping.ToPage(wire, page),
            cancellationToken), cancellationToken));

    public async Task<ApiResult<ConversationPage>> GetConversationsAsync(string numberId, PageRequest page, CancellationToken cancellationToken = default) =>
        Record(await ConfirmGoneAsync(numberId, "The conversation list", await SendForNumberAsync(
            numberId,
            (key, ct) => api.GetConversationsAsync(numberId, page.FromText, page.ToText, page.SafePage, page.SafePageSize, key, ct),
            wire => MessageMapping.ToPage(wire, page),
            cancellationToken), cancellationToken));

    public async Task<ApiResult<NumberAnalytics>> GetAnalyticsAsync(
        string numberId,
        AnalyticsPeriod period = AnalyticsPeriod.ThirtyDays,
        string? timeZone = null,
        CancellationToken cancellationToken = default) =>
        Record(await ConfirmGoneAsync(numberId, "Analytics", await SendForNumberAsync(
            numberId,
            (key, ct) => api.GetAnalyticsAsync(numberId, AnalyticsMapping.ToQuery(period), string.IsNullOrWhiteSpace(timeZone) ? null : timeZone, key, ct),
            AnalyticsMapping.ToAnalytics,
            cancellationToken), cancellationToken));

    public async Task<ApiResult<IReadOnlyList<Webhook>>> ListWebhooksAsync(string numberId, CancellationToken cancellationToken = default) =>
        Record(await ConfirmGoneAsync(numberId, "Webhooks", await SendAsync(
            ct => api.ListWebhooksAsync(numberId, ct),
            wire => (IReadOnlyList<Webhook>)wire.Select(w => WebhookMapping.ToWebhook(w, numberId)).ToArray(),
            CallContext.ForNumber(numberId),
            cancellationToken), cancellationToken));

    public async Task<ApiResult<Webhook>> CreateWebhookAsync(string numberId, NewWebhook webhook, CancellationToken cancellationToken = default)
    {
        if (WebhookInput.Problem(webhook.Name, webhook.Url, webhook.Events) is { } problem)
        {
            return problem;
        }

        return Record(await ConfirmGoneAsync(numberId, "Webhooks", await SendAsync(
            ct => api.CreateWebhookAsync(
                numberId, new CreateWebhookBody(webhook.Name.Trim(), webhook.Url.Trim(), WebhookInput.Clean(webhook.Events), numberId), ct),
            wire => WebhookMapping.ToWebhook(wire, numberId),
            CallContext.ForNumber(numberId),
            cancellationToken), cancellationToken));
    }

    public async Task<ApiResult<Webhook>> UpdateWebhookAsync(string numberId, string webhookId, WebhookChange change, CancellationToken cancellationToken = default)
    {
        if (change.IsEmpty)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest, "There is nothing to change: set the name, URL, events or whether the webhook is active.");
        }

        if (WebhookInput.Problem(change.Name, change.Url, change.Events) is { } problem)
        {
            return problem;
        }

        return Record(await SendAsync(
            ct => api.UpdateWebhookAsync(
                webhookId,
                numberId,
                new UpdateWebhookBody(change.Name?.Trim(), change.Url?.Trim(), change.Events is null ? null : WebhookInput.Clean(change.Events), change.Active),
                ct),
            wire => WebhookMapping.ToWebhook(wire, numberId),
            CallContext.ForWebhook(webhookId),
            cancellationToken));
    }

    public async Task<ApiResult<WebhookDeleted>> DeleteWebhookAsync(string numberId, string webhookId, CancellationToken cancellationToken = default) =>
        Record(await SendAsync(
            ct => api.DeleteWebhookAsync(webhookId, numberId, ct),
            () => new WebhookDeleted(webhookId),
            CallContext.ForWebhook(webhookId),
            cancellationToken));

    public async Task<ApiResult<IReadOnlyList<WebhookDelivery>>> GetWebhookLogsAsync(
        string numberId, string webhookId, WebhookLogQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new WebhookLogQuery();
        return Record(await SendAsync(
            ct => api.GetWebhookLogsAsync(webhookId, numberId, query.SafeLimit, query.SafeEvent, ct),
            WebhookMapping.ToDeliveries,
            CallContext.ForWebhook(webhookId),
            cancellationToken));
    }

    public async Task<ApiResult<SentMessage>> SendTextAsync(string numberId, OutgoingText message, CancellationToken cancellationToken = default)
    {
        // A leading + is required: "(11) 98888-7777" would otherwise go to +1 198... (the dashboard's PhoneInput adds it).
        var to = PhoneDisplay.ToE164(message.To);
        if (message.To?.TrimStart().StartsWith('+') != true || !PhoneDisplay.IsPossibleE164(to))
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest,
                "Enter the recipient's phone number in international form with the country code, e.g. +5511999999999.");
        }

        if (string.IsNullOrWhiteSpace(message.Text) || message.Text.Length > OutgoingText.MaxLength)
        {
            return new ApiFailure(ApiFailureKind.InvalidRequest,
                $"Enter the text to send: between 1 and {OutgoingText.MaxLength} characters.");
        }

        return Record(await ConfirmGoneAsync(numberId, "Sending messages", await SendWithNumberKeyAsync(
            numberId,
            (key, ct) => api.SendMessageAsync(new SendTextBody(to!, message.Text), key, ct),
            SendMapping.ToSent,
            CallContext.ForNumber(numberId) with
            {
                ConflictMessage = $"Number '{numberId}' is not connected, so it cannot send. Reconnect it and try again.",
            },
            cancellationToken), cancellationToken));
    }

    public async Task<ApiResult<MessageReceipt>> GetMessageStatusAsync(string numberId, string messageId, CancellationToken cancellationToken = default) =>
        Record(await SendForNumberAsync(
            numberId,
            (key, ct) => api.GetMessageAsync(messageId, numberId, key, ct),
            wire => SendMapping.ToReceipt(wire, messageId),
            cancellationToken,
            new CallContext($"Message '{messageId}'")));

    /// <summary>
    /// A 404 from a per-number feature is ambiguous: the number may be gone, or the feature missing for it. The
    /// number's own endpoint tells: gone stays NotFound; a number that is there makes it NotAvailable.
    /// </summary>
    private async Task<ApiResult<T>> ConfirmGoneAsync<T>(string numberId, string feature, ApiResult<T> result, CancellationToken cancellationToken)
    {
        if (result.Failure is not { Kind: ApiFailureKind.NotFound } notFound)
        {
            return result;
        }

        var number = await SendAsync(
            ct => api.GetNumberAsync(numberId, null, ct),
            wire => wire,
            CallContext.ForNumber(numberId),
            cancellationToken);
        if (number.Failure is { Kind: ApiFailureKind.NotFound } gone)
        {
            return new ApiFailure(ApiFailureKind.NotFound,
                $"Number '{numberId}' no longer exists in this Pilot Status account: it may have been removed. Reload the list.", gone.Code);
        }

        return number.Succeeded
            ? new ApiFailure(ApiFailureKind.NotAvailable,
                $"{feature} is not available for number '{numberId}' (Pilot Status answered HTTP 404 although the number exists). " +
                "The feature may not be enabled for this number or account; check it in Pilot Status.", notFound.Code)
            : notFound;
    }

    private async Task<ApiResult<NumberList>> FetchNumberListAsync(CancellationToken cancellationToken) =>
        Record(await SendAsync(
            ct => api.ListNumbersAsync(ct),
            wire => new NumberList(wire.Select(n => NumberMapping.ToNumber(n)).ToArray(), clock.GetUtcNow()),
            new CallContext(),
            cancellationToken));

    /// <summary>
    /// Per-number endpoints: the tenant key plus <c>x-whatsapp-number-id</c> first (newer backends); on 403
    /// TENANT_SCOPE_NOT_ALLOWED (older ones), the number's own key, and from then on only that.
    /// </summary>
    private async Task<ApiResult<TOut>> SendForNumberAsync<TWire, TOut>(
        string numberId,
        Func<NumberApiKey?, CancellationToken, Task<IApiResponse<TWire>>> send,
        Func<TWire, TOut> map,
        CancellationToken cancellationToken,
        CallContext? context = null)
    {
        var call = context ?? CallContext.ForNumber(numberId);
        if (!numberKeys.TenantKeyRefused)
        {
            var withTenantKey = await SendAsync(ct => send(null, ct), map, call, cancellationToken);
            if (withTenantKey.Failure is not { Kind: ApiFailureKind.Forbidden, Code: FailureTranslator.TenantScopeNotAllowed })
            {
                return withTenantKey;
            }

            numberKeys.MarkTenantKeyRefused();
        }

        return await SendWithNumberKeyAsync(numberId, (key, ct) => send(key, ct), map, call, cancellationToken);
    }

    /// <summary>With the number's own key from <c>GET /v1/api-keys</c>; a rejected key is forgotten so the next call fetches the current one.</summary>
    private async Task<ApiResult<TOut>> SendWithNumberKeyAsync<TWire, TOut>(
        string numberId,
        Func<NumberApiKey, CancellationToken, Task<IApiResponse<TWire>>> send,
        Func<TWire, TOut> map,
        CallContext call,
        CancellationToken cancellationToken)
    {
        var key = await numberKeys.GetAsync(numberId, FetchNumberKeysAsync, cancellationToken);
        if (!key.Succeeded)
        {
            return key.Failure;
        }

        var withNumberKey = await SendAsync(ct => send(key.Value, ct), map, call with { NumberKeyOf = numberId }, cancellationToken);
        if (withNumberKey.Failure is { Kind: ApiFailureKind.Unauthorized })
        {
            numberKeys.Forget();
        }

        return withNumberKey;
    }

    private Task<ApiResult<NumberKeyBook>> FetchNumberKeysAsync(CancellationToken cancellationToken) =>
        SendAsync(ct => api.ListApiKeysAsync(ct), NumberKeyBook.From, new CallContext(), cancellationToken);

    /// <summary>One HTTP exchange through the pipeline, turned into a value or a failure. Only caller cancellation escapes.</summary>
    private async Task<ApiResult<TOut>> SendAsync<TWire, TOut>(
        Func<CancellationToken, Task<IApiResponse<TWire>>> send,
        Func<TWire, TOut> map,
        CallContext call,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send(cancellationToken);
            if (Refused(response, call) is { } failure)
            {
                return failure;
            }

            return response.Content is { } content
                ? ApiResult<TOut>.Success(map(content))
                : FailureTranslator.Malformed("an empty body");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && failures.Translate(exception, call) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>The same for calls whose body is not read (undocumented or empty): only the status counts.</summary>
    private async Task<ApiResult<TOut>> SendAsync<TOut>(
        Func<CancellationToken, Task<IApiResponse>> send,
        Func<TOut> result,
        CallContext call,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send(cancellationToken);
            return Refused(response, call) is { } failure ? failure : ApiResult<TOut>.Success(result());
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && failures.Translate(exception, call) is { } failure)
        {
            return failure;
        }
    }

    private ApiFailure? Refused(IApiResponse response, CallContext call)
    {
        if (response.HasRequestError(out var requestError))
        {
            return failures.Translate(requestError, call) ?? throw requestError;
        }

        if (!response.IsSuccessStatusCode)
        {
            return failures.FromResponse(response.StatusCode, response.Headers, (response.Error as ApiException)?.Content, call);
        }

        return response.Error is { } readError ? failures.Malformed(readError) : null;
    }

    // The health endpoint reports whether the dashboard can work with the API at all; a 404 or 409 is the API working.
    private ApiResult<T> Record<T>(ApiResult<T> result)
    {
        if (result.Failure is { Kind: ApiFailureKind.Unauthorized or ApiFailureKind.RateLimited or ApiFailureKind.Unavailable or ApiFailureKind.MalformedResponse } failure)
        {
            monitor.RecordFailure(failure.Message);
        }
        else
        {
            monitor.RecordSuccess();
        }

        return result;
    }

    private static ApiFailure InvalidInput() => new(ApiFailureKind.InvalidRequest,
        "Enter a name and the phone number in international form with the country code, e.g. +5511999999999.");
}
