namespace PilotStatus.Sandbox;

/// <summary>A number's default key. A legacy key works but its raw value cannot be revealed any more.</summary>
internal sealed record NumberApiKey(string KeyId, string Key, bool Revealable, DateTimeOffset CreatedAt)
{
    // Computed once: the list endpoint reads them for every number on every call.
    public string KeyPrefix { get; } = Key[..Math.Min(7, Key.Length)];

    public string KeyLast4 { get; } = Key[^4..];
}
