using Microsoft.JSInterop;

namespace Dashboard.Browser;

/// <summary>Copies text to the operator's clipboard through <c>wwwroot/js/clipboard.js</c>.</summary>
public sealed class ClipboardService(IJSRuntime js)
{
    public const string CopyFunction = "dashboardClipboard.copy";

    /// <returns>False when the browser refused (no permission, or the circuit is gone).</returns>
    public async Task<bool> CopyAsync(string text)
    {
        try
        {
            await js.InvokeVoidAsync(CopyFunction, text);
            return true;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return false;
        }
    }
}
