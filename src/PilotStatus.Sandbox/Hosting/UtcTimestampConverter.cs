using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

/// <summary>Writes timestamps the way the service does: <c>2026-06-01T11:59:00.000Z</c>.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[24];
        value.UtcDateTime.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
