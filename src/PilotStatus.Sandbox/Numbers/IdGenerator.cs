namespace PilotStatus.Sandbox;

/// <summary>Seeded, so a given seed always yields the same ids and keys. Not thread-safe: callers hold a lock.</summary>
internal sealed class IdGenerator(int seed)
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public Random Random { get; } = new(seed);

    /// <summary>Opaque, cuid-like, like the ids the real service hands out (<c>cmm0abc123...</c>).</summary>
    public string NumberId() => "cmm0" + Chars(LowerAlphanumeric, 21);

    public string ApiKey() => "ps_" + Chars(Alphanumeric, 40);

    public string KeyId() => "key_" + Chars(LowerAlphanumeric, 20);

    public string Chars(string alphabet, int length) => new(Random.GetItems(alphabet.AsSpan(), length));

    public string Digits(int length) => Chars("0123456789", length);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double probability) => Random.NextDouble() < probability;

    /// <summary>A stable per-number seed; <see cref="string.GetHashCode()"/> is randomised per process.</summary>
    public static int StableSeed(int seed, string text)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
