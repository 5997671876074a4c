namespace PilotStatus.Sandbox;

/// <summary>
/// One pairing session of a PILOT_STATUS number, from CONNECTING until it opens or gives up.
/// It issues at most <see cref="ConnectPolicy.MaxCodesPerAttempt"/> codes; each new code supersedes the previous one.
/// It gives up when its last allowed code expires, or at its deadline (start + the lifetime of all its codes),
/// whichever comes first, so an attempt nobody refreshes still ends like a phone that stops waiting.
/// </summary>
internal sealed class ConnectionAttempt(DateTimeOffset startedAt, ConnectPolicy policy)
{
    private readonly List<ConnectCode> _codes = [];

    public DateTimeOffset Deadline { get; } = startedAt + policy.AttemptLifetime;

    public IReadOnlyList<ConnectCode> Codes => _codes;

    public ConnectCode Current => _codes[^1];

    public bool CanIssue => _codes.Count < policy.MaxCodesPerAttempt;

    public DateTimeOffset EndsAt => CanIssue ? Deadline : Current.ExpiresAt;

    public ConnectCode Issue(DateTimeOffset now)
    {
        var sequence = _codes.Count + 1;
        var expiresAt = now + policy.LifetimeOf(sequence);

        // A code never outlives its attempt.
        if (expiresAt > Deadline)
        {
            expiresAt = Deadline;
        }

        var code = new ConnectCode(CodeGenerator.NewQrToken(), CodeGenerator.NewPairingCode(), sequence, now, expiresAt);
        _codes.Add(code);
        return code;
    }
}
