namespace Dashboard.Core.PilotStatus.Api;

/// <summary>
/// A number's own raw key, held only in memory. A class rather than a record, and with a masked <see cref="ToString"/>,
/// so that no logging or debugger display of it (or of anything holding it) prints the secret.
/// </summary>
internal sealed class NumberApiKey(string numberId, string secret)
{
    public string NumberId { get; } = numberId;

    public string Secret { get; } = secret;

    public override string ToString() => $"API key of number {NumberId} (hidden)";
}
