using QRCoder;

namespace PilotStatus.Sandbox;

internal static class QrCodeImage
{
    // 4 px per module keeps a ~60-module code near 250 px and renders in about a millisecond.
    private const int PixelsPerModule = 4;

    public static string ToDataUri(string text)
    {
        var png = PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.L, PixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
