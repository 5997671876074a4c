using System.Text.Json.Serialization;

namespace PilotStatus.Sandbox;

internal sealed record ConnectResponse(string QrcodeBase64, string? PairingCode);

internal sealed record RemotePairingRequest(string? Provider, string? Name, string? Number, bool? LinkToApiKey, bool? SendViaWhatsApp);

/// <summary>The guide's 201 shape (the playground's <c>numberId</c>/<c>remotePairingToken</c> shape is the other documented one).</summary>
internal sealed record RemotePairingResponse(
    InstanceSummary Instance,
    string RemotePairingUrl,
    string MaskedNumber,
    bool MessageSent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? MessageError);
