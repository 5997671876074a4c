using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

/// <summary>Pages are server-rendered first and act only once their interactive circuit is up.</summary>
public static class Interactive
{
    /// <summary>
    /// Presses <paramref name="button"/> until <paramref name="expected"/> shows. Each press gets
    /// <paramref name="patience"/> (3 s unless said) to show its effect before the next, since a second press that lands
    /// would open a second dialog or untick a box; a short patience suits idempotent presses such as "Refresh states".
    /// </summary>
    public static async Task ClickUntilAsync(ILocator button, ILocator expected, TimeSpan? patience = null)
    {
        var wait = patience ?? TimeSpan.FromSeconds(3);
        var attempts = (int)Math.Ceiling(TimeSpan.FromSeconds(30) / wait);
        for (var attempt = 0; attempt < attempts && !await expected.IsVisibleAsync(); attempt++)
        {
            await button.ClickAsync();
            try
            {
                await expected.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)wait.TotalMilliseconds });
            }
            catch (TimeoutException)
            {
            }
        }

        await Assertions.Expect(expected).ToBeVisibleAsync();
    }
}
