using PhoneNumbers;

namespace Dashboard.Core.Numbers;

/// <summary>
/// Phones as Pilot Status sends them (bare digits with the country code, <c>5511999999999</c>), as the dashboard keeps
/// them (E.164, <c>+5511999999999</c>) and as people read them (<c>+55 11 99999-9999</c>). What people type is read by
/// <see cref="PhoneInput"/>; both go through libphonenumber.
/// </summary>
public static class PhoneDisplay
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The E.164 form of a phone written with its country code, as the API sends it (a + and punctuation are ignored).
    /// Digits libphonenumber cannot place in a country are kept as they came, behind a +, so a number is never hidden
    /// because its phone is odd; null when there are no digits at all.
    /// </summary>
    public static string? ToE164(string? raw)
    {
        var digits = new string((raw ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            return null;
        }

        try
        {
            return Util.Format(Util.Parse("+" + digits, null), PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return "+" + digits;
        }
    }

    /// <summary>
    /// Whether <paramref name="e164"/> is a phone Pilot Status can be asked about: a + and a country code, with a length
    /// that country allows. Whether it is valid for WhatsApp is <see cref="PhoneInput.Check"/>'s question.
    /// </summary>
    public static bool IsPossibleE164(string? e164)
    {
        if (e164 is null || !e164.StartsWith('+'))
        {
            return false;
        }

        try
        {
            return Util.IsPossibleNumber(Util.Parse(e164, null));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static string Format(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164))
        {
            return "";
        }

        try
        {
            var parsed = Util.Parse(e164.StartsWith('+') ? e164 : "+" + e164, null);
            return Util.Format(parsed, PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            // Whatever the API sent is still shown, just not prettified.
            return e164;
        }
    }

    /// <summary>"+551199****9999": country and area code, then only the last four digits, like Pilot Status's own mask.</summary>
    public static string Mask(string? e164)
    {
        var digits = new string((e164 ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 10 ? "+" + new string('*', digits.Length) : $"+{digits[..6]}****{digits[^4..]}";
    }
}
