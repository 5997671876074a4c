namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>Who runs the WhatsApp session: <c>PILOT_STATUS</c> (QR-paired) or <c>META</c> (Cloud API). Other values kept as text.</summary>
public readonly record struct NumberProvider
{
    private readonly string? _value;

    public NumberProvider(string? value) => _value = value?.Trim();

    public string Value => _value ?? string.Empty;

    public bool IsPilotStatus => string.Equals(_value, "PILOT_STATUS", StringComparison.OrdinalIgnoreCase);

    public bool IsMeta => string.Equals(_value, "META", StringComparison.OrdinalIgnoreCase);

    /// <summary>Only QR-paired numbers can be (re)connected with a QR code or pairing code.</summary>
    public bool SupportsQrConnect => !IsMeta;

    public override string ToString() => Value;
}
