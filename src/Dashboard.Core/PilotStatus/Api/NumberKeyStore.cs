using Microsoft.Extensions.Options;

namespace Dashboard.Core.PilotStatus.Api;

/// <summary>
/// The fallback for per-number endpoints when Pilot Status refuses the tenant key there (403 TENANT_SCOPE_NOT_ALLOWED):
/// each number's own key from <c>GET /v1/api-keys</c>, kept in memory for a few minutes and nowhere else.
/// </summary>
internal sealed class NumberKeyStore(TimeProvider clock, IOptions<PilotStatusClientOptions> options)
{
    private readonly SharedSnapshot<NumberKeyBook> _book = new(clock, options.Value.NumberKeyLifetime);
    private volatile bool _tenantKeyRefused;

    /// <summary>Once refused, later calls of this process go straight to the number's key instead of paying a 403 each time.</summary>
    public bool TenantKeyRefused => _tenantKeyRefused;

    public void MarkTenantKeyRefused() => _tenantKeyRefused = true;

    public async Task<ApiResult<NumberApiKey>> GetAsync(
        string numberId,
        Func<CancellationToken, Task<ApiResult<NumberKeyBook>>> fetch,
        CancellationToken cancellationToken)
    {
        var fetchedForThisCall = false;
        var book = await _book.GetAsync(
            ct =>
            {
                fetchedForThisCall = true;
                return fetch(ct);
            },
            cancellationToken);

        if (book.Succeeded && !fetchedForThisCall && !book.Value.Lists(numberId))
        {
            // A number added since the keys were fetched (by this dashboard or in Pilot Status) is only in a newer list:
            // fetch it once more rather than tell the operator to regenerate a key that is fine.
            _book.Invalidate(book.Value);
            book = await _book.GetAsync(fetch, cancellationToken);
        }

        return book.Succeeded ? book.Value.Find(numberId) : book.Failure;
    }

    /// <summary>After a number key was rejected (regenerated meanwhile), the next call fetches the current ones.</summary>
    public void Forget() => _book.Invalidate();
}

internal sealed class NumberKeyBook
{
    private readonly Dictionary<string, NumberApiKey?> _keys;

    private NumberKeyBook(Dictionary<string, NumberApiKey?> keys) => _keys = keys;

    public static NumberKeyBook From(IEnumerable<ApiKeyItemWire> items)
    {
        var keys = new Dictionary<string, NumberApiKey?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item.NumberId))
            {
                continue;
            }

            // Legacy keys come back as key: null, revealable: false; they can only be regenerated.
            keys[item.NumberId] = string.IsNullOrWhiteSpace(item.Key) ? null : new NumberApiKey(item.NumberId, item.Key);
        }

        return new NumberKeyBook(keys);
    }

    /// <summary>Whether the list has an item for the number at all, even one whose key cannot be revealed.</summary>
    public bool Lists(string numberId) => _keys.ContainsKey(numberId);

    public ApiResult<NumberApiKey> Find(string numberId)
    {
        if (!_keys.TryGetValue(numberId, out var key))
        {
            return new ApiFailure(ApiFailureKind.Forbidden,
                $"Pilot Status lists no API key for number '{numberId}', and it does not let the tenant key read that number's data. " +
                "Check that the number still exists, then regenerate its key on the API keys page in Pilot Status.",
                FailureTranslator.TenantScopeNotAllowed);
        }

        return key is null
            ? new ApiFailure(ApiFailureKind.Forbidden,
                $"The API key of number '{numberId}' must be regenerated in Pilot Status (API keys page): it is an older key that " +
                "Pilot Status cannot reveal, and the tenant key is not allowed to read that number's data.",
                FailureTranslator.TenantScopeNotAllowed)
            : ApiResult.Success(key);
    }

    public override string ToString() => $"{_keys.Count} number keys (hidden)";
}
