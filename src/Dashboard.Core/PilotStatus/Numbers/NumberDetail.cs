namespace Dashboard.Core.PilotStatus.Numbers;

/// <param name="Health">Quality and sendability; filled for Meta numbers, often null for QR numbers.</param>
/// <param name="Meta">The Meta Graph snapshot; null for non-Meta numbers.</param>
public sealed record NumberDetail(WhatsAppNumber Number, NumberHealth? Health, MetaSnapshot? Meta);

public sealed record NumberHealth(string? QualityRating, string? MessagingLimitTier, string? MetaStatus, bool? Sendable);

/// <param name="FetchedAt">When Pilot Status last read this from Meta (ask for a refresh to update it).</param>
public sealed record MetaSnapshot(DateTimeOffset? FetchedAt, MetaPhone? Phone, MetaBusinessProfile? Profile, MetaWaba? Waba);

public sealed record MetaPhone(
    string? DisplayPhoneNumber,
    string? VerifiedName,
    string? QualityRating,
    string? MessagingLimitTier,
    bool? IsPinEnabled);

public sealed record MetaBusinessProfile(string? About, string? Email, IReadOnlyList<string> Websites, string? Vertical);

public sealed record MetaWaba(string? Id, string? Name, string? Currency, string? BusinessVerificationStatus, string? Country);
