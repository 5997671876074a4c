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
