using PhoneNumbers;

namespace Dashboard.Core.Numbers;

/// <summary>Phone numbers as people read them: <c>+55 11 99999-9999</c> for <c>+5511999999999</c>.</summary>
public static class PhoneDisplay
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

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
}
