using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

/// <summary>The documented 4xx body: <c>{ "error": "...", "code": "..." }</c>; <c>code</c> is absent on some errors.</summary>
internal sealed record ApiError(string Error, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null);

internal static class ApiErrors
{
    public static IResult Unauthorized(string message) => Respond(StatusCodes.Status401Unauthorized, message, null);

    public static IResult TenantScopeNotAllowed() => Respond(
        StatusCodes.Status403Forbidden,
        "This endpoint acts on one number: use that number's key, or name the number in the x-whatsapp-number-id header.",
        "TENANT_SCOPE_NOT_ALLOWED");

    public static IResult NumberScopeNotAllowed() => Respond(
        StatusCodes.Status403Forbidden,
        "This endpoint needs the account-wide (tenant) key; a number-scoped key cannot call it.",
        "NUMBER_SCOPE_NOT_ALLOWED");

    public static IResult NumberNotFound() => Respond(StatusCodes.Status404NotFound, "Number not found", "NUMBER_NOT_FOUND");

    public static IResult Validation(string message) => Respond(StatusCodes.Status400BadRequest, message, "VALIDATION_ERROR");

    public static IResult InvalidDateRange(string message) => Respond(StatusCodes.Status400BadRequest, message, "INVALID_DATE_RANGE");

    public static IResult NotSupportedForMeta() => Respond(
        StatusCodes.Status400BadRequest,
        "Meta Cloud API numbers have no QR flow; their connection comes from the WABA.",
        "NOT_SUPPORTED_FOR_META");

    public static IResult Conflict(string message, string code) => Respond(StatusCodes.Status409Conflict, message, code);

    public static IResult Respond(int status, string message, string? code) => SandboxJson.Ok(new ApiError(message, code), status);
}
