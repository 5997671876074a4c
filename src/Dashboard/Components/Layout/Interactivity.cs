namespace Dashboard.Components.Layout;

/// <summary>
/// Until a page's circuit is up, its server-rendered controls would swallow presses and typing (or lose the text when
/// the circuit re-renders). <see cref="MainLayout"/> cascades one value, under this name, that is true until then; every
/// control in the app takes its disabled state from it.
/// </summary>
public static class Interactivity
{
    /// <summary>
    /// MudBlazor's buttons, inputs, selects and switches already honour a cascading bool of this name (MudForm disables
    /// its fields through it), so they need nothing; plain HTML controls and MudBlazor components that lack it bind
    /// <c>disabled</c> to a <c>[CascadingParameter(Name = Interactivity.Pending)] bool</c>.
    /// </summary>
    public const string Pending = "ParentDisabled";
}
