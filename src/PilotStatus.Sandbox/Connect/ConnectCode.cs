namespace PilotStatus.Sandbox;

/// <summary>
/// One scannable code: the text inside the QR image and the 8-letter pairing code that stand for the same thing.
/// <see cref="Sequence"/> is its position (1-based) within its connection attempt.
/// </summary>
public sealed record ConnectCode(string QrToken, string PairingCode, int Sequence, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    internal bool Matches(string code) =>
        string.Equals(code.Trim(), QrToken, StringComparison.Ordinal) ||
        string.Equals(CodeGenerator.NormalisePairingCode(code), CodeGenerator.NormalisePairingCode(PairingCode), StringComparison.Ordinal);
}
