using Dashboard.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Browser;

/// <summary>Copies text to the operator's clipboard through <c>wwwroot/js/clipboard.js</c>, and says whether it worked.</summary>
public sealed class ClipboardService(IJSRuntime js, ISnackbar snackbar, IStringLocalizer<SharedResource> L)
{
    public const string CopyFunction = "dashboardClipboard.copy";

    /// <summary>Copies and confirms with <paramref name="copied"/> ("Copied" unless given), or says how to copy by hand.</summary>
    public async Task CopyAsync(string text, string? copied = null)
    {
        try
        {
            await js.InvokeVoidAsync(CopyFunction, text);
            snackbar.Add(copied ?? L["Copied"], Severity.Success);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The browser refused (no permission), or the circuit is gone.
            snackbar.Add(L["The browser did not allow copying. Select the text and copy it with Ctrl+C."], Severity.Warning);
        }
    }
}
