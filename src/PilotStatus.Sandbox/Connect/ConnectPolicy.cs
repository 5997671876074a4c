namespace PilotStatus.Sandbox;

/// <summary>The code-lifetime rules of <see cref="SandboxOptions"/>, copied once so later edits to the options object change nothing.</summary>
internal sealed record ConnectPolicy(TimeSpan FirstCodeLifetime, TimeSpan NextCodeLifetime, int MaxCodesPerAttempt)
{
    public static ConnectPolicy From(SandboxOptions options) =>
        new(options.FirstCodeLifetime, options.NextCodeLifetime, options.MaxCodesPerAttempt);

    /// <summary>How long an attempt lasts if every code is replaced the moment it expires.</summary>
    public TimeSpan AttemptLifetime => FirstCodeLifetime + NextCodeLifetime * (MaxCodesPerAttempt - 1);

    public TimeSpan LifetimeOf(int sequence) => sequence == 1 ? FirstCodeLifetime : NextCodeLifetime;
}
