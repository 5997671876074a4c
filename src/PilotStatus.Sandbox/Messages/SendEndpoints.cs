using System.Text.RegularExpressions;

namespace PilotStatus.Sandbox;

/// <summary><c>POST /v1/messages/send</c> (number key only) and <c>GET /v1/messages/{id}</c> (contract §3.5).</summary>
internal static partial class SendEndpoints
{
    private const int MaxTextLength = 4096;

    public static void MapSendEndpoint(this RouteGroupBuilder numberKeyOnly) => numberKeyOnly.MapPost("/messages/send", SendAsync);

    public static void MapMessageStatusEndpoint(this RouteGroupBuilder numberScoped) => numberScoped.MapGet("/messages/{id}", Status);

    /// <summary>Free-form text to one phone or BSUID from an OPEN number; answers 202 with the message QUEUED.</summary>
    private static async Task<IResult> SendAsync(HttpContext http, SandboxState state)
    {
        var request = await SandboxJson.ReadBodyAsync<SendMessageRequest>(http.Request, http.RequestAborted);
        if (request is null)
        {
            return ApiErrors.Validation("Validation error: send a JSON body with destinationNumber and text.");
        }

        if (request.TemplateId is not null || request.Media is not null || request.GroupId is not null || request.NewsletterId is not null)
        {
            return ApiErrors.Validation("Validation error: the sandbox simulates free-form text to one destinationNumber only (no templates, media, groups or newsletters).");
        }

        if (Destination(request.DestinationNumber) is not { } destination)
        {
            return ApiErrors.Validation("Validation error: destinationNumber must be an E.164 phone number (e.g. +5511999999999) or a BSUID.");
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
        {
            return ApiErrors.Validation($"Validation error: text must have 1 to {MaxTextLength} characters.");
        }

        var number = http.TargetNumber();
        var now = state.Clock.GetUtcNow();
        if (number.Observe(now).State != ConnectionState.Open)
        {
            return ApiErrors.Conflict("The number's WhatsApp session is not OPEN; connect it before sending.", "WHATSAPP_INSTANCE_NOT_CONNECTED");
        }

        var message = state.SentMessages.Send(number, destination, request.Text);
        return SandboxJson.Ok(
            new SendMessageResponse(message.Id, message.CorrelationId, MessageValues.Queued, message.CreatedAt, number.Definition.Name, number.Definition.Number),
            StatusCodes.Status202Accepted);
    }

    private static IResult Status(string id, HttpContext http, SandboxState state)
    {
        if (state.SentMessages.Find(http.TargetNumber(), id) is not { } message)
        {
            return ApiErrors.Respond(StatusCodes.Status404NotFound, "Message not found", null);
        }

        var progress = state.SentMessages.ProgressOf(message, state.Clock.GetUtcNow());
        return SandboxJson.Ok(new MessageStatusResponse(
            message.Id, progress.Status, message.CorrelationId, message.Destination, null, message.CreatedAt,
            progress.SentAt, progress.DeliveredAt, progress.ReadAt, progress.ErrorMessage));
    }

    /// <summary>E.164 (the + is added when missing; spaces and dashes are dropped) or a BSUID like <c>BR.13491208655302741918</c>.</summary>
    private static string? Destination(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (Bsuid().IsMatch(trimmed))
        {
            return trimmed;
        }

        var compact = trimmed.Replace(" ", "").Replace("-", "");
        return E164().IsMatch(compact) ? "+" + compact.TrimStart('+') : null;
    }

    [GeneratedRegex(@"^\+?[1-9]\d{9,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[A-Z]{2}\.\d{6,}$")]
    private static partial Regex Bsuid();
}
