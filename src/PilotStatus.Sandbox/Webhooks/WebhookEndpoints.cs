namespace PilotStatus.Sandbox;

/// <summary>
/// <c>/v1/webhooks*</c> (contract §3.4). A number key acts on its own number's webhooks; the tenant key on any of its
/// numbers, named by the <c>x-whatsapp-number-id</c> header (or, on create, the body's <c>whatsappNumberId</c>).
/// </summary>
internal static class WebhookEndpoints
{
    private const int DefaultLogLimit = 50;

    public static void MapWebhookEndpoints(this RouteGroupBuilder anyKey)
    {
        var webhooks = anyKey.MapGroup("/webhooks");
        webhooks.MapGet("", List);
        webhooks.MapPost("", CreateAsync);
        webhooks.MapGet("/{id}", Get);
        webhooks.MapPatch("/{id}", UpdateAsync);
        webhooks.MapDelete("/{id}", Delete);
        webhooks.MapGet("/{id}/logs", Logs);
    }

    /// <summary>A number key sees its own number only (the header is ignored); the tenant key sees all, or the header's number.</summary>
    private static IResult List(HttpContext http, SandboxState state)
    {
        if (Scope(http, state, out var tenant, out var number) is { } refusal)
        {
            return refusal;
        }

        return SandboxJson.Ok(state.Webhooks.List(tenant, number));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxState state)
    {
        var request = await SandboxJson.ReadBodyAsync<CreateWebhookRequest>(http.Request, http.RequestAborted);
        if (request is null)
        {
            return ApiErrors.Validation("Validation error: send a JSON body with url, name and events.");
        }

        var (tenant, keyNumber) = http.Caller();
        var bodyNumber = Trimmed(request.WhatsappNumberId);
        var headerNumber = Trimmed(http.Request.Headers[ApiKeyAuthentication.NumberIdHeader].ToString());
        SandboxNumber? number;
        if (keyNumber is not null)
        {
            if (bodyNumber is not null && bodyNumber != keyNumber.Id)
            {
                return NumberMismatch();
            }

            number = keyNumber;
        }
        else
        {
            if (bodyNumber is not null && headerNumber is not null && bodyNumber != headerNumber)
            {
                return NumberMismatch();
            }

            if ((bodyNumber ?? headerNumber) is not { } numberId)
            {
                return ApiErrors.Respond(StatusCodes.Status400BadRequest,
                    "A tenant key must name the webhook's number: whatsappNumberId in the body or the x-whatsapp-number-id header.", "NUMBER_REQUIRED");
            }

            number = state.FindOwnedNumber(tenant, numberId);
            if (number is null)
            {
                return ApiErrors.NumberNotFound();
            }
        }

        if (ValidUrl(request.Url) is not { } url)
        {
            return InvalidUrl();
        }

        if (ValidEvents(request.Events, out var events) is { } invalid)
        {
            return invalid;
        }

        var name = Trimmed(request.Name) ?? new Uri(url).Host;
        var created = state.Webhooks.Create(tenant, number, name, url, events, request.Active ?? true);
        return SandboxJson.Ok(created, StatusCodes.Status201Created);
    }

    private static IResult Get(string id, HttpContext http, SandboxState state)
    {
        var (tenant, keyNumber) = http.Caller();
        return state.Webhooks.Find(id, tenant, keyNumber) is { } webhook ? SandboxJson.Ok(webhook) : WebhookNotFound();
    }

    /// <summary><c>events</c> replaces the whole list; members left out keep their value; the number cannot change.</summary>
    private static async Task<IResult> UpdateAsync(string id, HttpContext http, SandboxState state)
    {
        var request = await SandboxJson.ReadBodyAsync<UpdateWebhookRequest>(http.Request, http.RequestAborted);
        if (request is null)
        {
            return ApiErrors.Validation("Validation error: send a JSON body with any of name, url, events, active.");
        }

        var (tenant, keyNumber) = http.Caller();
        if (state.Webhooks.Find(id, tenant, keyNumber) is not { } current)
        {
            return WebhookNotFound();
        }

        if (Trimmed(request.WhatsappNumberId) is { } numberId && !current.WhatsappNumberIds.Contains(numberId))
        {
            return ApiErrors.Validation("Validation error: a webhook's number cannot be changed; create a webhook on the other number instead.");
        }

        if (request.Name is not null && Trimmed(request.Name) is null)
        {
            return ApiErrors.Validation("Validation error: name must not be empty.");
        }

        string? url = null;
        if (request.Url is not null && (url = ValidUrl(request.Url)) is null)
        {
            return InvalidUrl();
        }

        IReadOnlyList<string>? events = null;
        if (request.Events is not null)
        {
            if (ValidEvents(request.Events, out var replacement) is { } invalid)
            {
                return invalid;
            }

            events = replacement;
        }

        var updated = state.Webhooks.Update(id, tenant, keyNumber, Trimmed(request.Name), url, events, request.Active);
        return updated is null ? WebhookNotFound() : SandboxJson.Ok(updated);
    }

    // The response body is not documented; the sandbox answers 204.
    private static IResult Delete(string id, HttpContext http, SandboxState state)
    {
        var (tenant, keyNumber) = http.Caller();
        return state.Webhooks.Delete(id, tenant, keyNumber) ? Results.NoContent() : WebhookNotFound();
    }

    /// <summary>Newest first; <c>limit</c> 1–50 (default 50), <c>event</c> filters by name.</summary>
    private static IResult Logs(string id, int? limit, string? @event, HttpContext http, SandboxState state)
    {
        if (limit is < 1 or > DefaultLogLimit)
        {
            return ApiErrors.Validation($"Validation error: limit must be between 1 and {DefaultLogLimit}.");
        }

        var (tenant, keyNumber) = http.Caller();
        var logs = state.Webhooks.Logs(id, tenant, keyNumber, limit ?? DefaultLogLimit, Trimmed(@event));
        return logs is null ? WebhookNotFound() : SandboxJson.Ok(logs);
    }

    private static IResult? Scope(HttpContext http, SandboxState state, out Tenant tenant, out SandboxNumber? number)
    {
        (tenant, number) = http.Caller();
        if (number is not null)
        {
            return null; // A number-scoped key ignores the header.
        }

        if (Trimmed(http.Request.Headers[ApiKeyAuthentication.NumberIdHeader].ToString()) is { } numberId)
        {
            number = state.FindOwnedNumber(tenant, numberId);
            return number is null ? ApiErrors.NumberNotFound() : null;
        }

        return null;
    }

    private static string? ValidUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? text!.Trim()
            : null;

    private static IResult? ValidEvents(List<string>? requested, out IReadOnlyList<string> events)
    {
        var names = (requested ?? []).Select(e => e?.Trim() ?? "").ToList();
        events = names.Distinct(StringComparer.Ordinal).ToList();
        var unknown = names.Where(e => e != WebhookValues.All && !WebhookValues.Known.Contains(e)).ToList();
        return unknown.Count == 0
            ? null
            : ApiErrors.Validation($"Validation error: unknown event name(s): {string.Join(", ", unknown.Select(u => $"\"{u}\""))}. Use the documented names or \"*\".");
    }

    private static IResult InvalidUrl() => ApiErrors.Validation("Validation error: url must be an absolute http(s) URL.");

    private static IResult NumberMismatch() => ApiErrors.Respond(StatusCodes.Status400BadRequest,
        "whatsappNumberId does not match the number the key (or the x-whatsapp-number-id header) names.", "NUMBER_MISMATCH");

    private static IResult WebhookNotFound() => ApiErrors.Respond(StatusCodes.Status404NotFound, "Webhook not found", "WEBHOOK_NOT_FOUND");

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
