namespace Dashboard.Core.PilotStatus.Api;

/// <summary>What a call was for, so a failure can name it: "Number 'wa_abc' was not found...".</summary>
/// <param name="Subject">The thing the call is about, as a sentence start (e.g. "Number 'wa_abc'"); null for lists.</param>
/// <param name="ConflictMessage">What a 409 means for this call, when the docs say (e.g. connect: already connected).</param>
/// <param name="NumberKeyOf">Set when the call went out with this number's own key instead of the tenant key.</param>
internal sealed record CallContext(string? Subject = null, string? ConflictMessage = null, string? NumberKeyOf = null)
{
    public static CallContext ForNumber(string numberId) => new($"Number '{numberId}'");

    public static CallContext ForWebhook(string webhookId) => new($"Webhook '{webhookId}'");
}
