using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>The app's colours. The static account pages mirror the primary colour in app.css.</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b6e4f",
            Secondary = "#3a506b",
            AppbarBackground = "#0b6e4f",
            Background = "#f6f8f7",

            // MudBlazor's default info, warning, success and error tones fail WCAG AA contrast against white text and white surfaces.
            Info = "#0b5cad",
            Warning = "#8a5300",
            Success = "#1b7f3b",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4fc69a",
            Secondary = "#8fa9c8",
            AppbarBackground = "#14201c",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
