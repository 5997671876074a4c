namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>What the phone needs to pair: a QR image and/or the letter pairing code. Either may be missing.</summary>
/// <param name="QrDataUri">A <c>data:image/png;base64,...</c> URI, ready for an <c>img src</c>.</param>
/// <param name="PairingCode">The WhatsApp letter code (e.g. <c>ABCD-1234</c>); null when the provider gives none.</param>
public sealed record ConnectCode(string? QrDataUri, string? PairingCode)
{
    public bool HasQr => QrDataUri is not null;
}
