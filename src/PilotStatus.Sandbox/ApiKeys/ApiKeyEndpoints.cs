namespace PilotStatus.Sandbox;

internal static class ApiKeyEndpoints
{
    public static void MapApiKeyEndpoints(this RouteGroupBuilder tenantScoped)
    {
        tenantScoped.MapGet("/api-keys", List);
        tenantScoped.MapPost("/api-keys", RegenerateAsync);
    }

    /// <summary>One item per number with its usable key; legacy keys cannot be revealed (<c>key: null</c>).</summary>
    private static IResult List(HttpContext http, SandboxState state)
    {
        var tenant = http.CallerTenant();
        var items = state.Fleet.All
            .Where(n => n.Tenant == tenant)
            .Select(n => (Number: n, Key: n.ApiKey))
            .Select(x => new ApiKeyListItem(
                x.Number.Id, x.Number.Definition.Number, x.Number.Definition.Name, x.Key.KeyId, x.Key.KeyLast4,
                x.Key.Revealable ? x.Key.Key : null, x.Key.Revealable))
            .ToList();
        return SandboxJson.Ok(items);
    }

    /// <summary>Regenerates one number's default key; the old key stops working and the new one is shown this once.</summary>
    private static async Task<IResult> RegenerateAsync(HttpContext http, SandboxState state)
    {
        var request = await SandboxJson.ReadBodyAsync<RegenerateKeyRequest>(http.Request, http.RequestAborted);
        if (string.IsNullOrWhiteSpace(request?.WhatsappNumberId))
        {
            return ApiErrors.Validation("Validation error: whatsappNumberId is required.");
        }

        if (state.FindOwnedNumber(http.CallerTenant(), request.WhatsappNumberId) is not { } number)
        {
            return ApiErrors.NumberNotFound();
        }

        var now = state.Clock.GetUtcNow();
        var key = state.Fleet.RegenerateKey(number, now);
        return SandboxJson.Ok(
            new RegeneratedKey(key.KeyId, "Default", key.Key, key.KeyPrefix, key.KeyLast4, "number", number.Id, now),
            StatusCodes.Status201Created);
    }
}

internal sealed record ApiKeyListItem(string NumberId, string Number, string DisplayName, string KeyId, string KeyLast4, string? Key, bool Revealable);

internal sealed record RegenerateKeyRequest(string? WhatsappNumberId);

internal sealed record RegeneratedKey(
    string Id,
    string Name,
    string Key,
    string KeyPrefix,
    string KeyLast4,
    string Scope,
    string WhatsappNumberId,
    DateTimeOffset CreatedAt);
