namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>The live connection state of one number, read at <see cref="CheckedAt"/>.</summary>
/// <param name="Ready">Ready to send: <c>isFullyConnected</c> when the API sends it, otherwise <c>state == OPEN</c>.</param>
public sealed record LiveStatus(string NumberId, NumberState State, bool Ready, DateTimeOffset CheckedAt);
