namespace Dashboard.Core.Text;

/// <summary>
/// Characters a name must not carry: control characters (NUL, ESC, line breaks) and the Unicode direction overrides
/// (U+202E and friends) that make a name read differently from what it holds, in the dashboard and in exports.
/// </summary>
public static class HiddenCharacters
{
    public const string InName =
        "The name contains invisible control or text-direction characters, often pasted along with it. Type the name again instead of pasting it.";

    public static bool Any(string? text) => text is not null && text.Any(IsHidden);

    private static bool IsHidden(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
