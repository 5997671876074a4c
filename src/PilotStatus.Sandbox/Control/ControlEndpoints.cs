namespace PilotStatus.Sandbox;

/// <summary>
/// The sandbox's own surface under <c>/sandbox</c>: drive the simulated phone, inspect codes, count requests and set
/// faults. The same operations exist as methods on <see cref="SandboxState"/>, <see cref="FaultInjector"/> and <see cref="RequestCounter"/>.
/// </summary>
internal static class ControlEndpoints
{
    public static void MapControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapPost("/numbers/{id}/scan", ScanAsync);
        control.MapPost("/numbers/{id}/disconnect", Disconnect);
        control.MapGet("/numbers/{id}/current-code", CurrentCode);

        control.MapGet("/requests", (RequestCounter counter) => SandboxJson.Ok(counter.Snapshot()));
        control.MapDelete("/requests", (RequestCounter counter) =>
        {
            counter.Reset();
            return Results.NoContent();
        });

        control.MapGet("/faults", (FaultInjector faults) => SandboxJson.Ok(new FaultConfiguration(faults.Rules)));
        control.MapPut("/faults", PutFaultsAsync);
        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        control.MapGet("/settings", (SandboxState state) => SandboxJson.Ok(new SandboxSettings(state.RefuseTenantKeyOnPerNumberEndpoints)));
        control.MapPut("/settings", PutSettingsAsync);

        control.MapPost("/reset", (SandboxState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> ScanAsync(string id, HttpContext http, SandboxState state)
    {
        var request = await SandboxJson.ReadBodyAsync<ScanRequest>(http.Request, http.RequestAborted);
        if (string.IsNullOrWhiteSpace(request?.Code))
        {
            return ApiErrors.Validation("Validation error: code is required (the QR token or the pairing code).");
        }

        if (state.FindOwnedNumber(http.CallerTenant(), id) is not { } number)
        {
            return ApiErrors.NumberNotFound();
        }

        var now = state.Clock.GetUtcNow();
        return number.Scan(request.Code, now) switch
        {
            ScanResult.Connected => Status(number, now),
            ScanResult.NotSupportedForMeta => ApiErrors.NotSupportedForMeta(),
            ScanResult.AlreadyConnected => ApiErrors.Conflict("This number is already connected (OPEN).", "ALREADY_CONNECTED"),
            ScanResult.NoAttempt => NoAttempt(),
            ScanResult.CodeSuperseded => ApiErrors.Conflict("This code was replaced by a newer one; scan the current code.", "CODE_SUPERSEDED"),
            ScanResult.CodeExpired => ApiErrors.Conflict("This code has expired; call /connect for a new one.", "CODE_EXPIRED"),
            _ => ApiErrors.Respond(StatusCodes.Status400BadRequest, "This code was never issued for this number's current attempt.", "INVALID_CODE"),
        };
    }

    private static IResult Disconnect(string id, HttpContext http, SandboxState state)
    {
        if (state.FindOwnedNumber(http.CallerTenant(), id) is not { } number)
        {
            return ApiErrors.NumberNotFound();
        }

        var now = state.Clock.GetUtcNow();
        number.Disconnect(now);
        return Status(number, now);
    }

    private static IResult CurrentCode(string id, HttpContext http, SandboxState state)
    {
        if (state.FindOwnedNumber(http.CallerTenant(), id) is not { } number)
        {
            return ApiErrors.NumberNotFound();
        }

        if (number.IsMeta)
        {
            return ApiErrors.NotSupportedForMeta();
        }

        var now = state.Clock.GetUtcNow();
        var connection = number.Connection(now);
        if (connection.CurrentCode is not { } code)
        {
            return NoAttempt();
        }

        return SandboxJson.Ok(new CurrentCodeResponse(
            number.Id, connection.State, connection.AttemptsStarted, code.Sequence, connection.MaxCodesPerAttempt,
            code.QrToken, code.PairingCode, code.IssuedAt, code.ExpiresAt, code.IsExpiredAt(now), connection.AttemptEndsAt));
    }

    private static async Task<IResult> PutFaultsAsync(HttpContext http, FaultInjector faults)
    {
        var configuration = await SandboxJson.ReadBodyAsync<FaultConfiguration>(http.Request, http.RequestAborted);
        if (configuration?.Rules is null)
        {
            return ApiErrors.Validation("Validation error: send { \"rules\": [ ... ] }; an empty list clears every fault.");
        }

        try
        {
            faults.Set(configuration.Rules);
        }
        catch (ArgumentException e)
        {
            return ApiErrors.Validation("Validation error: " + e.Message);
        }

        return SandboxJson.Ok(new FaultConfiguration(faults.Rules));
    }

    private static async Task<IResult> PutSettingsAsync(HttpContext http, SandboxState state)
    {
        var settings = await SandboxJson.ReadBodyAsync<SandboxSettings>(http.Request, http.RequestAborted);
        if (settings is null)
        {
            return ApiErrors.Validation("Validation error: send { \"refuseTenantKeyOnPerNumberEndpoints\": true|false }.");
        }

        state.RefuseTenantKeyOnPerNumberEndpoints = settings.RefuseTenantKeyOnPerNumberEndpoints;
        return SandboxJson.Ok(settings);
    }

    private static IResult Status(SandboxNumber number, DateTimeOffset now)
    {
        var observed = number.Observe(now);
        return SandboxJson.Ok(new NumberStatus(number.Id, observed.State, observed.IsFullyConnected));
    }

    private static IResult NoAttempt() =>
        ApiErrors.Conflict("No connection attempt is running for this number; call /connect first.", "NO_CONNECTION_ATTEMPT");
}
