using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Localization;

/// <summary>
/// MudBlazor's own texts (pagination, "Clear", "Close", "Required") in the dashboard's languages. MudBlazor ships only
/// English and asks this class for any other culture; keys it does not know fall back to MudBlazor's English.
/// </summary>
public sealed class DashboardMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    /// <summary>MudBlazor's resource key → the dashboard's English text, which is the key of the translation.</summary>
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["MudFormComponent_Required"] = "Required",
        ["MudInput_Clear"] = "Clear",
        ["MudInput_Increment"] = "Increment",
        ["MudInput_Decrement"] = "Decrement",
        ["MudDialog_Close"] = "Close",
        ["MudSnackbar_Close"] = "Close",
        ["MudAlert_Close"] = "Close",
        ["MudChip_Close"] = "Close",
        ["MudPagination_FirstPage"] = "First page",
        ["MudPagination_PreviousPage"] = "Previous page",
        ["MudPagination_NextPage"] = "Next page",
        ["MudPagination_LastPage"] = "Last page",
        ["MudPagination_CurrentPage"] = "Current page {0}",
        ["MudPagination_PageIndex"] = "Page {0}",
        ["MudSelect_SelectAll"] = "Select all",
    };

    public override LocalizedString this[string key] => Texts.TryGetValue(key, out var text)
        ? localizer[text] is { ResourceNotFound: false } found ? new LocalizedString(key, found.Value) : new LocalizedString(key, text, resourceNotFound: true)
        : new LocalizedString(key, key, resourceNotFound: true);
}
