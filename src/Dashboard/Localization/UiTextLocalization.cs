using Dashboard.Core.Numbers;
using Microsoft.Extensions.Localization;

namespace Dashboard.Localization;

public static class UiTextLocalization
{
    /// <summary>The text in the operator's language, with its count formatted for that culture ("1,000" / "1.000").</summary>
    public static string Text(this IStringLocalizer localizer, UiText text) =>
        text.Count is { } count ? localizer[text.Key, count] : localizer[text.Key];
}
