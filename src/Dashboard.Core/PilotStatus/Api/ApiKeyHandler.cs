namespace Dashboard.Core.PilotStatus.Api;

/// <summary>
/// Puts the key on each request: the tenant key from <see cref="IPilotStatusEndpoint"/>, or a number's own key when the
/// request carries one (the fallback for per-number endpoints). The key exists only on the outgoing request.
/// </summary>
internal sealed class ApiKeyHandler(IPilotStatusEndpoint endpoint) : DelegatingHandler
{
    public const string NumberKeyOption = "PilotStatus.NumberKey";

    private static readonly HttpRequestOptionsKey<NumberApiKey?> NumberKey = new(NumberKeyOption);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Options.TryGetValue(NumberKey, out var numberKey) && numberKey is not null
            ? numberKey.Secret
            : endpoint.TenantApiKey;

        request.Headers.Remove(PilotStatusHeaders.ApiKey);
        request.Headers.TryAddWithoutValidation(PilotStatusHeaders.ApiKey, key);
        return base.SendAsync(request, cancellationToken);
    }
}
