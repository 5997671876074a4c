using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

public enum ConnectionState
{
    [JsonStringEnumMemberName("CLOSE")]
    Close,

    [JsonStringEnumMemberName("CONNECTING")]
    Connecting,

    [JsonStringEnumMemberName("OPEN")]
    Open,
}

public enum NumberProvider
{
    /// <summary>An unofficial, QR-paired number.</summary>
    [JsonStringEnumMemberName("PILOT_STATUS")]
    PilotStatus,

    /// <summary>A Meta Cloud API number; no QR flow.</summary>
    [JsonStringEnumMemberName("META")]
    Meta,
}

public static class WireNames
{
    public static string ToWire(this ConnectionState state) => state switch
    {
        ConnectionState.Open => "OPEN",
        ConnectionState.Connecting => "CONNECTING",
        _ => "CLOSE",
    };

    public static string ToWire(this NumberProvider provider) => provider == NumberProvider.Meta ? "META" : "PILOT_STATUS";
}
