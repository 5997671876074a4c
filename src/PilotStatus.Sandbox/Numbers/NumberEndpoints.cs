namespace PilotStatus.Sandbox;

internal static class NumberEndpoints
{
    public static void MapNumberEndpoints(this RouteGroupBuilder tenantScoped)
    {
        var numbers = tenantScoped.MapGroup("/numbers");
        numbers.MapGet("", List);
        numbers.MapPost("", CreateAsync);
        numbers.MapGet("/{id}", Get);
        numbers.MapDelete("/{id}", Delete);
        numbers.MapGet("/{id}/status", Status);
    }

    /// <summary>The list reads the cached state, <see cref="SandboxOptions.ListStateLag"/> behind the live one.</summary>
    private static IResult List(HttpContext http, SandboxState state)
    {
        var tenant = http.CallerTenant();
        var now = state.Clock.GetUtcNow();
        var items = new List<NumberListItem>();
        foreach (var number in state.Fleet.All)
        {
            if (number.Tenant == tenant)
            {
                var observed = number.Observe(now, listed: true);
                var d = number.Definition;
                items.Add(new NumberListItem(
                    d.Id, d.InstanceName, d.Number, d.Name, d.Provider, KeyReferences(observed.ApiKey),
                    observed.State, observed.IsFullyConnected, d.CreatedAt, observed.UpdatedAt));
            }
        }

        return SandboxJson.Ok(items);
    }

    private static IResult Get(string id, string? refresh, HttpContext http, SandboxState state)
    {
        if (state.FindOwnedNumber(http.CallerTenant(), id) is not { } number)
        {
            return ApiErrors.NumberNotFound();
        }

        var now = state.Clock.GetUtcNow();
        if (refresh is "1" or "true")
        {
            number.RefreshMeta(now);
        }

        var observed = number.Observe(now);
        var d = number.Definition;
        var meta = d.Meta;
        var health = meta is null
            ? new NumberHealth(null, null, null, observed.IsFullyConnected)
            : new NumberHealth(meta.Health.QualityRating, meta.Health.MessagingLimitTier, meta.Health.MetaStatus, observed.IsFullyConnected);
        var metaBlock = meta is null ? null : new MetaBlock(observed.MetaFetchedAt ?? d.CreatedAt, meta.Phone, meta.Profile, meta.Waba);

        return SandboxJson.Ok(new NumberDetail(
            d.Id, d.InstanceName, d.Number, d.Name, d.Provider, observed.State, observed.IsFullyConnected,
            d.CreatedAt, observed.UpdatedAt, KeyReferences(observed.ApiKey), health, metaBlock));
    }

    private static IResult Status(string id, HttpContext http, SandboxState state)
    {
        if (state.FindOwnedNumber(http.CallerTenant(), id) is not { } number)
        {
            return ApiErrors.NumberNotFound();
        }

        var observed = number.Observe(state.Clock.GetUtcNow());
        return SandboxJson.Ok(new NumberStatus(number.Id, observed.State, observed.IsFullyConnected));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxState state)
    {
        var request = await SandboxJson.ReadBodyAsync<CreateNumberRequest>(http.Request, http.RequestAborted);
        if (NumberValidation.Validate(request?.Name, request?.Number, out var name, out var phoneNumber) is { } invalid)
        {
            return invalid;
        }

        var tenant = http.CallerTenant();
        var now = state.Clock.GetUtcNow();
        var number = state.Fleet.TryCreate(
            ids => state.Numbers.Create(ids, tenant, name, phoneNumber, ConnectionState.Connecting, now, now),
            tenant.Kind,
            phoneNumber);
        if (number is null)
        {
            return NumberValidation.AlreadyExists();
        }

        var code = number.Connection(now).CurrentCode!;
        state.Events.NumberCreated(number, ConnectionState.Connecting, now);

        // linkToApiKey only re-points a number-scoped key; with the tenant key the number is never linked.
        return SandboxJson.Ok(
            new CreateNumberResponse(Summary(number, ConnectionState.Connecting), QrCodeImage.ToDataUri(code.QrToken), code.PairingCode, null),
            StatusCodes.Status201Created);
    }

    private static IResult Delete(string id, HttpContext http, SandboxState state)
    {
        if (state.FindOwnedNumber(http.CallerTenant(), id) is not { } number || !state.RemoveNumber(number))
        {
            return ApiErrors.NumberNotFound();
        }

        return SandboxJson.Ok(new DeleteNumberResponse(true));
    }

    internal static InstanceSummary Summary(SandboxNumber number, ConnectionState state)
    {
        var d = number.Definition;
        return new InstanceSummary(d.Id, d.InstanceName, d.Number, d.Name, state, d.Provider);
    }

    private static ApiKeyReference[] KeyReferences(NumberApiKey key) => [new ApiKeyReference("Default", key.KeyPrefix, key.KeyLast4)];
}
