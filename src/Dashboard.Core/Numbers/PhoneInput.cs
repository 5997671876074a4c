using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Dashboard.Core.Numbers;

/// <summary>A phone as typed, checked: either its E.164 form (<c>+5511999999999</c>) or what is wrong with it.</summary>
public sealed record PhoneCheck(string? E164, string? Problem)
{
    [MemberNotNullWhen(true, nameof(E164))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => E164 is not null;
}

/// <summary>
/// Reads a phone the way people type it: "(11) 99999-9999", "+55 11 99999 9999", "011 99999-9999", "5511999999999".
/// Without a leading + it is read as a Brazilian number. The problems are sentences for the operator (and resx keys).
/// </summary>
public static partial class PhoneInput
{
    public const string DefaultRegion = "BR";

    public const string Missing = "Enter the phone number with its area code, for example (11) 99999-9999.";
    public const string NotAPhoneNumber = "A phone number has only digits, spaces, brackets, dashes and an optional + at the start.";
    public const string UnknownCountryCode = "The country code is not right: Brazilian numbers start with +55, numbers abroad with their own country code after the +.";
    public const string MissingAreaCode = "The area code is missing: put the two-digit DDD before the number, for example (11) 99999-9999.";
    public const string TooShort = "The number is too short: a Brazilian number has a two-digit area code and 8 or 9 digits, for example (11) 99999-9999.";
    public const string TooLong = "The number is too long: a Brazilian number has a two-digit area code and 8 or 9 digits, for example (11) 99999-9999.";
    public const string TooShortAbroad = "The number is too short for its country code.";
    public const string TooLongAbroad = "The number is too long for its country code.";
    public const string NotValidInBrazil = "This is not a valid Brazilian number: check the area code, and that a mobile number has 9 digits starting with 9.";
    public const string NotValidAbroad = "This is not a valid number for its country code: check the digits.";
    public const string NotMobileOrLandline = "This is a toll-free, shared-cost or other service number: WhatsApp needs a mobile or landline number.";

    private const int BrazilCountryCode = 55;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static PhoneCheck Check(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Problem(Missing);
        }

        // libphonenumber would read letters as a vanity number ("0800-FLORES") or an extension; neither can be a WhatsApp number.
        if (!PhoneCharacters().IsMatch(text))
        {
            return Problem(NotAPhoneNumber);
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, DefaultRegion);
        }
        catch (NumberParseException e)
        {
            return Problem(e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => UnknownCountryCode,
                ErrorType.NOT_A_NUMBER => NotAPhoneNumber,
                ErrorType.TOO_LONG => TooLong,
                _ => TooShort,
            });
        }

        var brazilian = number.CountryCode == BrazilCountryCode;
        var problem = Util.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.TOO_SHORT => brazilian ? TooShort : TooShortAbroad,
            PhoneNumberUtil.ValidationResult.TOO_LONG => brazilian ? TooLong : TooLongAbroad,
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => UnknownCountryCode,
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => MissingAreaCode,
            PhoneNumberUtil.ValidationResult.INVALID_LENGTH => brazilian ? NotValidInBrazil : NotValidAbroad,
            _ when !Util.IsValidNumber(number) => !brazilian ? NotValidAbroad
                // 8 or 9 national digits that are not a number on their own: the subscriber number without its DDD.
                : number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture).Length <= 9 ? MissingAreaCode
                : NotValidInBrazil,
            _ when Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE or PhoneNumberType.FIXED_LINE_OR_MOBILE)
                => NotMobileOrLandline,
            _ => null,
        };

        return problem is null ? new PhoneCheck(Util.Format(number, PhoneNumberFormat.E164), null) : Problem(problem);
    }

    /// <summary>Every problem <see cref="Check"/> can report, so a test can hold them to their translations.</summary>
    public static IReadOnlyList<string> AllProblems { get; } =
    [
        Missing, NotAPhoneNumber, UnknownCountryCode, MissingAreaCode, TooShort, TooLong, TooShortAbroad, TooLongAbroad,
        NotValidInBrazil, NotValidAbroad, NotMobileOrLandline,
    ];

    private static PhoneCheck Problem(string problem) => new(null, problem);

    [GeneratedRegex(@"^\+?[0-9\s().\-/]+$")]
    private static partial Regex PhoneCharacters();
}
