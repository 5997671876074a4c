namespace PilotStatus.Sandbox;

/// <summary>A number's default key. A legacy key works but its raw value cannot be revealed any more.</summary>
internal sealed record NumberApiKey(string KeyId, string Key, bool Revealable, DateTimeOffset CreatedAt)
{
    public string KeyPrefix => Key[..Math.Min(7, Key.Length)];

    public string KeyLast4 => Key[^4..];
}
