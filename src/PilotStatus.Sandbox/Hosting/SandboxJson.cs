using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

/// <summary>
/// The sandbox serialises with its own options so that a host which mounts it (the dashboard) cannot change its wire format.
/// </summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new UtcTimestampConverter() },

        // An API body, never inlined into HTML: keep "·", "ã" and "+" readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok<T>(T body, int statusCode = StatusCodes.Status200OK) => TypedResults.Json(body, Options, statusCode: statusCode);

    /// <summary>Reads a JSON body; <c>null</c> when it is missing or not valid JSON for <typeparamref name="T"/>.</summary>
    public static async Task<T?> ReadBodyAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(Options, ct);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Thrown for a missing or non-JSON content type.
            return null;
        }
    }
}
