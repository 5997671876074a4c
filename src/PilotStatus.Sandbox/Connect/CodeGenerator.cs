using System.Security.Cryptography;

namespace PilotStatus.Sandbox;

/// <summary>Fresh, unpredictable codes for each generation: a stale code must never collide with the current one.</summary>
internal static class CodeGenerator
{
    // No 0/O or 1/I: a person types the pairing code from a screen.
    private const string PairingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string NewPairingCode()
    {
        var chars = RandomNumberGenerator.GetString(PairingAlphabet, 8);
        return $"{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Shaped like the text inside a WhatsApp Web QR code (<c>2@ref,publicKey,identityKey,advSecret</c>).</summary>
    public static string NewQrToken() =>
        $"2@{RandomNumberGenerator.GetString(TokenAlphabet, 40)},{RandomNumberGenerator.GetString(TokenAlphabet, 44)},{RandomNumberGenerator.GetString(TokenAlphabet, 44)}";

    public static string NormalisePairingCode(string code) =>
        string.Concat(code.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}
