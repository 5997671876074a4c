using System.Text;
using Dashboard.Core.LiveUpdates;

namespace Dashboard.Core.Webhooks;

/// <summary>
/// A customer's webhook address fit for a screen or the audit log. Customers put secrets in them (a token in the query,
/// a password in the user-info), so those parts are masked; scheme, host, port and path stay, which is what an
/// operator needs to recognise the address. Only roles that edit webhooks see the full address, in the edit form.
/// </summary>
public static class WebhookUrl
{
    public const string Mask = "***";

    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) || address.HostNameType == UriHostNameType.Unknown)
        {
            // Not an address we can take apart: show nothing after the path, where secrets usually sit.
            var cut = url.IndexOfAny(['?', '#']);
            return ReceiverToken.Redact(cut < 0 ? url : url[..cut] + Mask);
        }

        var shown = new StringBuilder(address.Scheme).Append("://");
        if (address.UserInfo.Length > 0)
        {
            shown.Append(Mask).Append('@');
        }

        shown.Append(address.Authority).Append(address.AbsolutePath);
        if (address.Query.Length > 1)
        {
            shown.Append('?').AppendJoin('&', address.Query[1..].Split('&').Select(MaskValue));
        }

        if (address.Fragment.Length > 1)
        {
            shown.Append('#').Append(Mask);
        }

        return ReceiverToken.Redact(shown.ToString());
    }

    // A bare "?token" is all value.
    private static string MaskValue(string pair) =>
        pair.IndexOf('=') is var equals and > 0 ? pair[..(equals + 1)] + Mask : pair.Length == 0 ? pair : Mask;
}
