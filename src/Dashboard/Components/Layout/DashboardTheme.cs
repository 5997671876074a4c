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
        // On a dark background the tones are light, so the text on them is dark: MudBlazor's white on its default dark
        // warning, success and info tones (and on this primary) fails WCAG AA.
        PaletteDark = new PaletteDark
        {
            Primary = "#4fc69a",
            PrimaryContrastText = "#0a1f17",
            Secondary = "#8fa9c8",
            SecondaryContrastText = "#0f1a26",
            AppbarBackground = "#14201c",
            TextSecondary = "rgba(255,255,255,0.72)",
            DrawerText = "rgba(255,255,255,0.80)",
            DrawerIcon = "rgba(255,255,255,0.80)",
            Info = "#7cb8f2",
            InfoContrastText = "#0a1a2b",
            Warning = "#f2b640",
            WarningContrastText = "#2b1b00",
            Success = "#66c98a",
            SuccessContrastText = "#08240f",
            Error = "#ff8a80",
            ErrorContrastText = "#2d0605",

            // Text-variant alerts write in the "darken" tone on a faint wash of the colour; on a dark surface it must be lighter, not darker.
            InfoDarken = "#9ccaf5",
            SuccessDarken = "#8fd9a8",
            WarningDarken = "#f5c869",
            ErrorDarken = "#ffaba3",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
