namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>
/// A number's connection state as Pilot Status names it (<c>OPEN</c>, <c>CONNECTING</c>, <c>CLOSE</c>).
/// A value the docs do not list is kept as text instead of failing the page.
/// </summary>
public readonly record struct NumberState
{
    private readonly string? _value;

    public NumberState(string? value) => _value = value?.Trim();

    public static NumberState Open { get; } = new("OPEN");

    public static NumberState Connecting { get; } = new("CONNECTING");

    public static NumberState Closed { get; } = new("CLOSE");

    public string Value => _value ?? string.Empty;

    public bool IsOpen => Is("OPEN");

    public bool IsConnecting => Is("CONNECTING");

    public bool IsClosed => Is("CLOSE");

    public bool IsKnown => IsOpen || IsConnecting || IsClosed;

    public string DisplayName =>
        IsOpen ? "Connected"
        : IsConnecting ? "Connecting"
        : IsClosed ? "Disconnected"
        : Value.Length == 0 ? "Unknown" : $"Unknown ({Value})";

    public override string ToString() => Value;

    private bool Is(string state) => string.Equals(_value, state, StringComparison.OrdinalIgnoreCase);
}
