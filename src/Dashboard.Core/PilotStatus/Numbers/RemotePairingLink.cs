namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>Ask Pilot Status for a hosted link through which the end customer connects their own number.</summary>
/// <param name="SendViaWhatsApp">Also send the link by WhatsApp (needs the <c>pilot_status_remote_pairing</c> template).</param>
public sealed record RemotePairingRequest(string Name, string Phone, bool SendViaWhatsApp = false);

/// <param name="Token">The single-use token at the end of the link (valid 24 h).</param>
/// <param name="NumberId">The number created in <c>CLOSE</c> state, when the API names it.</param>
/// <param name="MessageSent">Whether the link went out by WhatsApp; see <see cref="MessageError"/> when it did not.</param>
public sealed record RemotePairingLink(
    Uri Url,
    string? Token,
    string? MaskedNumber,
    string? NumberId,
    bool MessageSent,
    string? MessageError);
