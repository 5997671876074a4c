namespace PilotStatus.Sandbox;

internal sealed record ScanRequest(string? Code);

internal sealed record CurrentCodeResponse(
    string NumberId,
    ConnectionState State,
    int Attempt,
    int CodeNumber,
    int MaxCodesPerAttempt,
    string QrToken,
    string PairingCode,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Expired,
    DateTimeOffset? AttemptEndsAt);

/// <summary>The body of <c>GET/PUT /sandbox/faults</c>.</summary>
internal sealed record FaultConfiguration(IReadOnlyList<FaultRule>? Rules);

internal sealed record SandboxSettings(bool RefuseTenantKeyOnPerNumberEndpoints);
