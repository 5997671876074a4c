namespace PilotStatus.Sandbox;

/// <summary>The fixed facts about a number; everything that changes lives in <see cref="SandboxNumber"/>.</summary>
internal sealed record NumberDefinition(
    string Id,
    Tenant Tenant,
    string InstanceName,
    string Number,
    string Name,
    NumberProvider Provider,
    DateTimeOffset CreatedAt,
    PiiMode PiiMode,
    MetaProfile? Meta,
    NumberApiKey ApiKey);
