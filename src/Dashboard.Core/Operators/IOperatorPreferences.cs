namespace Dashboard.Core.Operators;

/// <summary>Per-operator settings the shell reads and writes.</summary>
public interface IOperatorPreferences
{
    Task<ThemePreference> GetThemeAsync(string operatorId, CancellationToken cancellationToken = default);

    Task SetThemeAsync(string operatorId, ThemePreference theme, CancellationToken cancellationToken = default);
}
