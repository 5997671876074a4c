namespace Dashboard.Core.PilotStatus.Numbers;

/// <summary>One number of the tenant as listed. <see cref="State"/> and <see cref="Ready"/> may be stale: use the live status to be sure.</summary>
/// <param name="Phone">E.164 with a leading <c>+</c>, or null when the API did not say.</param>
/// <param name="Ready">Ready to send: <c>isFullyConnected</c>, or <c>state == OPEN</c> where that flag is absent.</param>
/// <param name="ApiKeys">Masked hints only (<c>ps_abcd…wxyz</c>); the list never carries a usable key.</param>
public sealed record WhatsAppNumber(
    string Id,
    string? Name,
    string? InstanceName,
    string? Phone,
    NumberProvider Provider,
    NumberState State,
    bool Ready,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<ApiKeyHint> ApiKeys);

/// <param name="Hint">Text such as <c>ps_abcd…wxyz</c>: enough to tell keys apart, useless as a key.</param>
public sealed record ApiKeyHint(string? Name, string Hint);

/// <summary>The tenant's numbers as of <see cref="FetchedAt"/>; every page shares this snapshot for a few seconds.</summary>
public sealed record NumberList(IReadOnlyList<WhatsAppNumber> Numbers, DateTimeOffset FetchedAt);
