using Dashboard.Core.Numbers;
using Dashboard.Core.PilotStatus.Api;

namespace Dashboard.Core.PilotStatus.Numbers;

internal static class NumberMapping
{
    private const string PngDataUriPrefix = "data:image/png;base64,";

    // keyPrefix is documented as "ps_abcd"; cut anything longer so a misbehaving API can never put a whole key on screen.
    private const int MaxPrefixLength = 7;

    public static WhatsAppNumber ToNumber(NumberWire wire, string? fallbackId = null)
    {
        var state = new NumberState(wire.State);
        return new WhatsAppNumber(
            Wire.Required(wire.Id ?? fallbackId, "number id"),
            wire.Name,
            wire.InstanceName,
            PhoneDisplay.ToE164(wire.Number),
            new NumberProvider(wire.Provider),
            state,
            IsReady(wire.IsFullyConnected, state),
            wire.CreatedAt,
            wire.UpdatedAt,
            wire.ApiKeys?.Select(ToHint).ToArray() ?? []);
    }

    public static NumberDetail ToDetail(NumberWire wire, string requestedId) => new(
        ToNumber(wire, requestedId),
        wire.Health is { } h ? new NumberHealth(h.QualityRating, h.MessagingLimitTier, h.MetaStatus, h.Sendable) : null,
        wire.Meta is { } m ? ToMeta(m) : null);

    public static LiveStatus ToLiveStatus(StatusWire wire, string requestedId, DateTimeOffset checkedAt)
    {
        var state = new NumberState(Wire.Required(wire.State, "state"));
        return new LiveStatus(requestedId, state, IsReady(wire.IsFullyConnected, state), checkedAt);
    }

    public static ConnectCode ToConnectCode(ConnectWire wire)
    {
        var code = ToConnectCode(wire.QrcodeBase64, wire.PairingCode);
        return code.HasQr || code.PairingCode is not null
            ? code
            : throw new WireFormatException("the response has neither a QR code nor a pairing code");
    }

    public static CreatedNumber ToCreated(CreatedNumberWire wire)
    {
        var instance = wire.Instance;
        return new CreatedNumber(
            Wire.Required(instance?.Id ?? wire.Id, "id of the new number"),
            NonEmpty(instance?.Name) ?? NonEmpty(wire.Name),
            NonEmpty(instance?.InstanceName) ?? NonEmpty(wire.InstanceName),
            PhoneDisplay.ToE164(NonEmpty(instance?.Number) ?? NonEmpty(wire.Number)),
            new NumberState(instance?.State ?? wire.State),
            ToConnectCode(wire.QrcodeBase64, wire.PairingCode),
            wire.LinkedApiKeyId);
    }

    public static RemotePairingLink ToPairingLink(RemotePairingWire wire)
    {
        var text = Wire.Required(wire.RemotePairingUrl, "remote pairing URL");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw new WireFormatException("the remote pairing URL is not an absolute URL");
        }

        return new RemotePairingLink(
            url,
            NonEmpty(wire.RemotePairingToken) ?? LastSegment(url),
            wire.MaskedNumber,
            NonEmpty(wire.Instance?.Id) ?? NonEmpty(wire.NumberId),
            wire.MessageSent ?? false,
            wire.MessageError);
    }

    // The docs disagree on the definitive flag: isFullyConnected (HTML pages) or state == OPEN (.md pages).
    private static bool IsReady(bool? isFullyConnected, NumberState state) => isFullyConnected ?? state.IsOpen;

    private static ConnectCode ToConnectCode(string? qr, string? pairingCode)
    {
        var image = NonEmpty(qr);
        if (image is not null && !image.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            image = PngDataUriPrefix + image; // Documented as a data URI; accept bare base64 too.
        }

        return new ConnectCode(image, NonEmpty(pairingCode));
    }

    private static ApiKeyHint ToHint(ApiKeyRefWire key)
    {
        var prefix = NonEmpty(key.KeyPrefix) ?? "ps_";
        if (prefix.Length > MaxPrefixLength)
        {
            prefix = prefix[..MaxPrefixLength];
        }

        var last4 = NonEmpty(key.KeyLast4) is { } l ? l[^Math.Min(4, l.Length)..] : "????";
        return new ApiKeyHint(key.Name, $"{prefix}…{last4}");
    }

    private static MetaSnapshot ToMeta(MetaWire meta) => new(
        meta.FetchedAt,
        meta.Phone is { } p ? new MetaPhone(p.DisplayPhoneNumber, p.VerifiedName, p.QualityRating, p.MessagingLimitTier, p.IsPinEnabled) : null,
        meta.Profile is { } pr ? new MetaBusinessProfile(pr.About, pr.Email, pr.Websites ?? [], pr.Vertical) : null,
        meta.Waba is { } w ? new MetaWaba(w.Id, w.Name, w.Currency, w.BusinessVerificationStatus, w.Country) : null);

    private static string? LastSegment(Uri url) => NonEmpty(url.Segments.LastOrDefault()?.Trim('/'));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
