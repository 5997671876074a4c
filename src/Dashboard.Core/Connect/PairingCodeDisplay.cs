namespace Dashboard.Core.Connect;

/// <summary>A pairing code as people read it aloud: upper case, in groups of four (<c>ABCD-1234</c>).</summary>
public static class PairingCodeDisplay
{
    public static string Format(string code)
    {
        var characters = code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        return string.Join('-', characters.Chunk(4).Select(group => new string(group)));
    }
}
