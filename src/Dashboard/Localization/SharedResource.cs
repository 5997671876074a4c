namespace Dashboard.Localization;

/// <summary>Marker for the UI strings in Resources/Localization/SharedResource*.resx. Keys are the English text.</summary>
public sealed class SharedResource;
