namespace PilotStatus.Sandbox;

internal sealed record ApiKeyReference(string Name, string KeyPrefix, string KeyLast4);

internal sealed record NumberListItem(
    string Id,
    string InstanceName,
    string Number,
    string Name,
    NumberProvider Provider,
    IReadOnlyList<ApiKeyReference> ApiKeys,
    ConnectionState State,
    bool IsFullyConnected,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed record NumberDetail(
    string Id,
    string InstanceName,
    string Number,
    string Name,
    NumberProvider Provider,
    ConnectionState State,
    bool IsFullyConnected,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ApiKeyReference> ApiKeys,
    NumberHealth Health,
    MetaBlock? Meta);

internal sealed record NumberHealth(string? QualityRating, string? MessagingLimitTier, string? MetaStatus, bool Sendable);

internal sealed record MetaBlock(DateTimeOffset FetchedAt, MetaPhone Phone, MetaBusinessProfile Profile, MetaWaba Waba);

/// <summary>Both documented shapes at once: <c>{ id, state }</c> and <c>{ state, isFullyConnected }</c>.</summary>
internal sealed record NumberStatus(string Id, ConnectionState State, bool IsFullyConnected);

internal sealed record InstanceSummary(string Id, string InstanceName, string Number, string Name, ConnectionState State, NumberProvider Provider);

internal sealed record CreateNumberRequest(string? Name, string? Number, bool? LinkToApiKey);

internal sealed record CreateNumberResponse(InstanceSummary Instance, string QrcodeBase64, string? PairingCode, string? LinkedApiKeyId);

internal sealed record DeleteNumberResponse(bool Ok);
