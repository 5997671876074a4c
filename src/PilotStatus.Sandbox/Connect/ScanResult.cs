namespace PilotStatus.Sandbox;

/// <summary>What a simulated phone scan came to.</summary>
public enum ScanResult
{
    /// <summary>The code was the attempt's current, unexpired one: the number is OPEN.</summary>
    Connected,
    NumberNotFound,
    NotSupportedForMeta,
    AlreadyConnected,

    /// <summary>The number is CLOSE: no attempt is waiting for a scan.</summary>
    NoAttempt,

    /// <summary>The code belongs to the current attempt but a newer code has replaced it.</summary>
    CodeSuperseded,

    /// <summary>The code is the current one but its lifetime has passed.</summary>
    CodeExpired,

    /// <summary>The code was never issued by the current attempt.</summary>
    CodeUnknown,
}

/// <summary>A number's connection as the state machine sees it right now.</summary>
/// <param name="CurrentCode">The code a scan must present; null when no attempt is running.</param>
/// <param name="CodesIssued">How many codes the running attempt has issued (its current code is number <c>CodesIssued</c>).</param>
/// <param name="AttemptEndsAt">When the running attempt fails unless a scan opens the number first.</param>
public sealed record SandboxConnection(
    string NumberId,
    ConnectionState State,
    int AttemptsStarted,
    int AttemptsFailed,
    ConnectCode? CurrentCode,
    int CodesIssued,
    int MaxCodesPerAttempt,
    DateTimeOffset? AttemptEndsAt);
