namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>What to send to create a QR-paired number.</summary>
/// <param name="Phone">The number in E.164 (<c>+5511999999999</c>); spaces, dashes and brackets are ignored.</param>
public sealed record NewNumber(string Name, string Phone);

/// <param name="Connect">The first QR / pairing code to show right away.</param>
/// <param name="LinkedApiKeyId">Always null with a tenant key; kept because the API reports it.</param>
public sealed record CreatedNumber(
    string Id,
    string? Name,
    string? InstanceName,
    string? Phone,
    NumberState State,
    ConnectCode Connect,
    string? LinkedApiKeyId);

public sealed record NumberRemoved(string NumberId);
