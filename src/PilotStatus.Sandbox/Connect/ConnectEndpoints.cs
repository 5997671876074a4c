namespace PilotStatus.Sandbox;

internal static class ConnectEndpoints
{
    public static void MapConnectEndpoints(this RouteGroupBuilder tenantScoped)
    {
        tenantScoped.MapGet("/numbers/{id}/connect", Connect);
        tenantScoped.MapPost("/numbers/remote-pairing", RemotePairingAsync);
    }

    /// <summary>A GET with side effects, as documented: each call issues the attempt's next code (or starts a new attempt).</summary>
    private static IResult Connect(string id, HttpContext http, SandboxState state)
    {
        if (state.FindOwnedNumber(http.CallerTenant(), id) is not { } number)
        {
            return ApiErrors.NumberNotFound();
        }

        var outcome = number.Connect(state.Clock.GetUtcNow());
        return outcome.Result switch
        {
            ConnectResult.NotSupportedForMeta => ApiErrors.NotSupportedForMeta(),
            ConnectResult.AlreadyConnected => ApiErrors.Conflict("This number is already connected (OPEN).", "ALREADY_CONNECTED"),
            _ => SandboxJson.Ok(new ConnectResponse(QrCodeImage.ToDataUri(outcome.Code!.QrToken), outcome.Code.PairingCode)),
        };
    }

    private static async Task<IResult> RemotePairingAsync(HttpContext http, SandboxState state)
    {
        var request = await SandboxJson.ReadBodyAsync<RemotePairingRequest>(http.Request, http.RequestAborted);
        if (request?.Provider is { } provider && !string.Equals(provider, "PILOT_STATUS", StringComparison.OrdinalIgnoreCase))
        {
            return ApiErrors.Validation("Validation error: the sandbox simulates remote pairing for PILOT_STATUS numbers only.");
        }

        if (NumberValidation.Validate(request?.Name, request?.Number, out var name, out var phoneNumber) is { } invalid)
        {
            return invalid;
        }

        var tenant = http.CallerTenant();
        var now = state.Clock.GetUtcNow();
        var number = state.Fleet.TryCreate(
            ids => state.Numbers.Create(ids, tenant, name, phoneNumber, ConnectionState.Close, now, now),
            tenant.Kind,
            phoneNumber);
        if (number is null)
        {
            return NumberValidation.AlreadyExists();
        }

        state.Events.NumberCreated(number, ConnectionState.Close, now);

        // No template named pilot_status_remote_pairing exists in the sandbox, so a WhatsApp send fails as documented.
        var messageError = request!.SendViaWhatsApp == true ? "Template pilot_status_remote_pairing not found for this number." : null;
        return SandboxJson.Ok(
            new RemotePairingResponse(
                NumberEndpoints.Summary(number, ConnectionState.Close),
                $"https://connect.pilotstatus.com.br/connect/{Guid.NewGuid()}",
                Mask(phoneNumber),
                MessageSent: false,
                messageError),
            StatusCodes.Status201Created);
    }

    /// <summary>"+551199****9999": country and area code, then only the last four digits.</summary>
    private static string Mask(string digits) => $"+{digits[..6]}****{digits[^4..]}";
}
