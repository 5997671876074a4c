using QRCoder;

namespace Dashboard.Components.Pages.Connect;

/// <summary>A connection link as a QR code, drawn here on the server, so the customer can open it by scanning another screen.</summary>
public static class LinkQrCode
{
    // 6 px per module: a ~90-character link (about 41 modules with the quiet zone) comes out near 250 px, readable by a
    // phone camera off a monitor. Level M survives a little glare or moiré.
    private const int PixelsPerModule = 6;

    public static string ToPngDataUri(Uri link)
    {
        var png = PngByteQRCodeHelper.GetQRCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M, PixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
