namespace Dashboard.Core.Connect;

/// <summary>An operator pressed "Show code": a QR hands over the WhatsApp account, so every reveal is recorded.</summary>
public sealed record CodeReveal(string OperatorId, string NumberId, DateTimeOffset At);
