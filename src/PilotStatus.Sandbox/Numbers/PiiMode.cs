namespace PilotStatus.Sandbox;

internal enum PiiMode
{
    StoreIndefinite,

    /// <summary>Messages are relayed but never stored: history and conversations answer empty with a notice.</summary>
    RelayOnly,
}
