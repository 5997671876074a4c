namespace PilotStatus.Sandbox;

internal static class NumberValidation
{
    private const int MaxNameLength = 100;

    /// <summary>The playground's rule for <c>number</c>: E.164-ish, 10 to 15 digits, optional leading +.</summary>
    public static IResult? Validate(string? name, string? number, out string cleanName, out string digits)
    {
        cleanName = name?.Trim() ?? string.Empty;
        digits = string.Empty;
        if (cleanName.Length == 0)
        {
            return ApiErrors.Validation("Validation error: name is required.");
        }

        if (cleanName.Length > MaxNameLength)
        {
            return ApiErrors.Validation($"Validation error: name must be at most {MaxNameLength} characters.");
        }

        var candidate = number?.Trim() ?? string.Empty;
        if (candidate.StartsWith('+'))
        {
            candidate = candidate[1..];
        }

        if (candidate.Length is < 10 or > 15 || !candidate.All(char.IsAsciiDigit) || candidate[0] == '0')
        {
            return ApiErrors.Validation("Validation error: number must be in E.164 format, e.g. +5511999999999 (10 to 15 digits, optional +).");
        }

        digits = candidate;
        return null;
    }

    public static IResult AlreadyExists() =>
        ApiErrors.Conflict("This number is already registered in your account.", "NUMBER_ALREADY_EXISTS");
}
