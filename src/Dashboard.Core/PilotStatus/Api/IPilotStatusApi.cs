using Refit;

namespace Dashboard.Core.PilotStatus.Api;

/// <summary>The routes of the Pilot Status REST API this dashboard uses. Callers go through <see cref="PilotStatusClient"/>.</summary>
internal interface IPilotStatusApi
{
    [Get("/v1/numbers")]
    Task<IApiResponse<List<NumberWire>>> ListNumbersAsync(CancellationToken cancellationToken);

    [Get("/v1/numbers/{id}")]
    Task<IApiResponse<NumberWire>> GetNumberAsync(string id, [Query] string? refresh, CancellationToken cancellationToken);

    [Post("/v1/numbers")]
    Task<IApiResponse<CreatedNumberWire>> CreateNumberAsync([Body] CreateNumberBody body, CancellationToken cancellationToken);

    // A GET with a side effect (starts a connection attempt); retrying it only asks for a fresher code.
    [Get("/v1/numbers/{id}/connect")]
    Task<IApiResponse<ConnectWire>> ConnectNumberAsync(string id, CancellationToken cancellationToken);

    [Get("/v1/numbers/{id}/status")]
    Task<IApiResponse<StatusWire>> GetStatusAsync(string id, CancellationToken cancellationToken);

    [Delete("/v1/numbers/{id}")]
    Task<IApiResponse<DeletedWire>> DeleteNumberAsync(string id, CancellationToken cancellationToken);

    [Post("/v1/numbers/remote-pairing")]
    Task<IApiResponse<RemotePairingWire>> CreateRemotePairingAsync([Body] RemotePairingBody body, CancellationToken cancellationToken);

    [Get("/v1/api-keys")]
    Task<IApiResponse<List<ApiKeyItemWire>>> ListApiKeysAsync(CancellationToken cancellationToken);

    [Get("/v1/messages/history")]
    Task<IApiResponse<MessageHistoryWire>> GetMessageHistoryAsync(
        [Header(PilotStatusHeaders.NumberId)] string numberId,
        [Query] string? startDate,
        [Query] string? endDate,
        [Query] int page,
        [Query] int pageSize,
        [Property(ApiKeyHandler.NumberKeyOption)] NumberApiKey? numberKey,
        CancellationToken cancellationToken);

    [Get("/v1/conversations")]
    Task<IApiResponse<ConversationListWire>> GetConversationsAsync(
        [Header(PilotStatusHeaders.NumberId)] string numberId,
        [Query] string? startDate,
        [Query] string? endDate,
        [Query] int page,
        [Query] int pageSize,
        [Property(ApiKeyHandler.NumberKeyOption)] NumberApiKey? numberKey,
        CancellationToken cancellationToken);

    [Get("/v1/analytics/dashboard")]
    Task<IApiResponse<AnalyticsWire>> GetAnalyticsAsync(
        [Header(PilotStatusHeaders.NumberId)] string numberId,
        [Query] string period,
        [Query] string? tz,
        [Property(ApiKeyHandler.NumberKeyOption)] NumberApiKey? numberKey,
        CancellationToken cancellationToken);

    [Get("/v1/webhooks")]
    Task<IApiResponse<List<WebhookWire>>> ListWebhooksAsync([Header(PilotStatusHeaders.NumberId)] string numberId, CancellationToken cancellationToken);

    [Post("/v1/webhooks")]
    Task<IApiResponse<WebhookWire>> CreateWebhookAsync(
        [Header(PilotStatusHeaders.NumberId)] string numberId, [Body] CreateWebhookBody body, CancellationToken cancellationToken);

    [Patch("/v1/webhooks/{id}")]
    Task<IApiResponse<WebhookWire>> UpdateWebhookAsync(
        string id, [Header(PilotStatusHeaders.NumberId)] string numberId, [Body] UpdateWebhookBody body, CancellationToken cancellationToken);

    // The response body is not documented (maybe none at all): only the status counts.
    [Delete("/v1/webhooks/{id}")]
    Task<IApiResponse> DeleteWebhookAsync(string id, [Header(PilotStatusHeaders.NumberId)] string numberId, CancellationToken cancellationToken);

    [Get("/v1/webhooks/{id}/logs")]
    Task<IApiResponse<WebhookLogsWire>> GetWebhookLogsAsync(
        string id,
        [Header(PilotStatusHeaders.NumberId)] string numberId,
        [Query] int limit,
        [Query, AliasAs("event")] string? eventName,
        CancellationToken cancellationToken);

    // Number keys only: a tenant key gets 403 TENANT_SCOPE_NOT_ALLOWED.
    [Post("/v1/messages/send")]
    Task<IApiResponse<SentMessageWire>> SendMessageAsync(
        [Body] SendTextBody body,
        [Property(ApiKeyHandler.NumberKeyOption)] NumberApiKey numberKey,
        CancellationToken cancellationToken);

    [Get("/v1/messages/{id}")]
    Task<IApiResponse<MessageReceiptWire>> GetMessageAsync(
        string id,
        [Header(PilotStatusHeaders.NumberId)] string numberId,
        [Property(ApiKeyHandler.NumberKeyOption)] NumberApiKey? numberKey,
        CancellationToken cancellationToken);
}

internal static class PilotStatusHeaders
{
    public const string ApiKey = "x-api-key";
    public const string NumberId = "x-whatsapp-number-id";
}
