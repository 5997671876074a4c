using System.Globalization;
using System.Text;
using QRCoder;

namespace Dashboard.Components.Account;

/// <summary>The shared key as a person types it, and the otpauth:// URI drawn as a QR code on the server (no script).</summary>
internal static class AuthenticatorSetup
{
    public const string Issuer = "Pilot Status Fleet";

    // 5 px per module keeps an authenticator URI's ~37-module code near 200 px, easy to scan from a screen.
    private const int PixelsPerModule = 5;

    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }

    public static string Uri(string email, string key) => string.Format(
        CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
        System.Uri.EscapeDataString(Issuer),
        System.Uri.EscapeDataString(email),
        key);

    public static string QrDataUri(string uri)
    {
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, PixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>What a person types: spaces and hyphens are how apps group digits, not part of the code.</summary>
    public static string CleanCode(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
