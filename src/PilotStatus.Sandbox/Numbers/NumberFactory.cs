using System.Globalization;
using System.Text;

namespace PilotStatus.Sandbox;

internal sealed class NumberFactory(ConnectPolicy policy, TimeSpan listStateLag, NumberStateChanged? stateChanged = null)
{
    public SandboxNumber Create(
        IdGenerator ids,
        Tenant tenant,
        string name,
        string phoneNumber,
        ConnectionState state,
        DateTimeOffset createdAt,
        DateTimeOffset stateSince,
        PiiMode piiMode = PiiMode.StoreIndefinite,
        MetaProfile? meta = null,
        bool revealableKey = true)
    {
        var definition = new NumberDefinition(
            ids.NumberId(),
            tenant,
            $"{tenant.Slug}-{phoneNumber}",
            phoneNumber,
            name,
            meta is null ? NumberProvider.PilotStatus : NumberProvider.Meta,
            createdAt,
            piiMode,
            meta,
            new NumberApiKey(ids.KeyId(), ids.ApiKey(), revealableKey, createdAt));
        return new SandboxNumber(definition, state, stateSince, policy, listStateLag, stateChanged);
    }

    /// <summary>"+55 11 99999-9999", as the Meta Graph displays Brazilian mobile numbers.</summary>
    public static string DisplayPhoneNumber(string digits) =>
        digits.Length == 13 ? $"+{digits[..2]} {digits[2..4]} {digits[4..9]}-{digits[9..]}" : "+" + digits;

    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
