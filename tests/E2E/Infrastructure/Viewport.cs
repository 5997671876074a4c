using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

/// <summary>Screen sizes the dashboard is laid out for, and what "fits" means on each.</summary>
public static class Viewport
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 740 };

    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 900 };

    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };

    /// <summary>The page itself does not scroll sideways (a table may, inside its own box).</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window.");
    }

    /// <summary>The box shows all its content across: no column hidden behind a sideways scroll.</summary>
    public static async Task AssertFitsAcrossAsync(ILocator box)
    {
        var widths = await box.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The content is {widths[0]} px wide in a {widths[1]} px box.");
    }

    /// <summary>The control can be brought wholly on screen (scrolling down, or inside its own box), not cut off.</summary>
    public static async Task ExpectOnScreenAsync(ILocator control)
    {
        await control.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(control).ToBeInViewportAsync(new() { Ratio = 1 });
    }
}
