using System.Text.Json;

namespace Dashboard.Core.PilotStatus.Api;

internal static class PilotStatusJson
{
    // Web defaults: camelCase, case-insensitive names, numbers accepted as strings. Unknown members are ignored.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>The API answered 2xx with JSON that lacks something the dashboard needs. Caught inside the client only.</summary>
internal sealed class WireFormatException(string detail) : Exception(detail);

internal static class Wire
{
    public static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new WireFormatException($"the response has no {what}") : value;
}
