namespace PilotStatus.Sandbox;

/// <summary>What the Meta Graph would report for a Meta Cloud API number; serialised as the documented <c>meta</c> block.</summary>
internal sealed record MetaProfile(MetaHealth Health, MetaPhone Phone, MetaBusinessProfile Profile, MetaWaba Waba);

internal sealed record MetaHealth(string QualityRating, string MessagingLimitTier, string MetaStatus, bool Sendable);

internal sealed record MetaPhone(string DisplayPhoneNumber, string VerifiedName, string QualityRating, string MessagingLimitTier, bool IsPinEnabled);

internal sealed record MetaBusinessProfile(string About, string Email, IReadOnlyList<string> Websites, string Vertical);

internal sealed record MetaWaba(string Id, string Name, string Currency, string BusinessVerificationStatus, string Country);
