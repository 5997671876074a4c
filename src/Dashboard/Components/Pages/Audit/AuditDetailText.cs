using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Pages.Audit;

/// <summary>
/// Audit details are stored as written, in English, so an export reads the same whoever made it. On screen, the wordings
/// the dashboard itself writes are shown in the operator's language, with the names, emails and ids they carry kept as
/// they are; anything else (a name, a message from Pilot Status) shows as stored.
/// </summary>
public static partial class AuditDetailText
{
    /// <summary>Each stored wording (a pattern over the whole detail) and its text key; groups fill {0}, {1}… in order.</summary>
    public static readonly IReadOnlyList<(Regex Pattern, string Key)> Wordings =
    [
        (Exact("password"), "by password"),
        (Exact("password and authenticator code"), "password and authenticator code"),
        (Exact("password and recovery code"), "password and recovery code"),
        (Exact("authenticator app"), "authenticator app"),
        (Exact("authenticator key reset"), "authenticator key reset"),
        (Exact("turned off by the operator"), "turned off by the operator"),
        (Exact("required for every operator"), "required for every operator"),
        (Exact("no longer required"), "no longer required"),
        (Exact("Joined an attempt already under way"), "Joined an attempt already under way"),
        (Pattern(@"(.+): wrong email or password"), "{0}: wrong email or password"),
        (Pattern(@"(.+): account disabled"), "{0}: account disabled"),
        (Pattern(@"(.+): wrong authenticator code"), "{0}: wrong authenticator code"),
        (Pattern(@"(.+): wrong recovery code"), "{0}: wrong recovery code"),
        (Pattern(@"(.+): authenticator code"), "{0}: authenticator code"),
        (Pattern(@"(.+): recovery code"), "{0}: recovery code"),
        (Pattern(@"(.+); (\d+) number\(s\) left unassigned"), "{0}; {1} number(s) left unassigned"),
        (Pattern(@"Assigned: (.+); moved from another customer: (.+)"), "Assigned: {0}; moved from another customer: {1}"),
        (Pattern(@"Assigned: (.+)"), "Assigned: {0}"),
        (Pattern(@"Unassigned: (.+)"), "Unassigned: {0}"),
        (Pattern(@"to (\S+), message (\S+), (\d+) characters"), "to {0}, message {1}, {2} characters"),
        (Pattern(@"Connection link for (.+) \(([^()]+)\), valid 24 h, single use\."), "Connection link for {0} ({1}), valid 24 h, single use."),
        (Pattern(@"(.+); Pilot Status had already removed it"), "{0}; Pilot Status had already removed it"),
        (Pattern(@"Code (\d+) of (\d+)"), "Code {0} of {1}"),
        (Pattern(@"After code (\d+) of (\d+)"), "After code {0} of {1}"),
        (Pattern(@"The wizard was closed at code (\d+) of (\d+), before the phone paired\."), "The wizard was closed at code {0} of {1}, before the phone paired."),
        (Pattern(@"All (\d+) codes were shown and none was scanned\."), "All {0} codes were shown and none was scanned."),
        (Pattern(@"Stopped at code (\d+) of (\d+): (.+)"), "Stopped at code {0} of {1}: {2}"),
        (Pattern(@"Receiver webhook added to (\d+), already on (\d+), failed on (\d+) of (\d+) numbers"),
            "Receiver webhook added to {0}, already on {1}, failed on {2} of {3} numbers"),
        (Pattern(@"Receiver webhook added to (\d+), already on (\d+), failed on (\d+) of (\d+) numbers; stopped: (.+)"),
            "Receiver webhook added to {0}, already on {1}, failed on {2} of {3} numbers; stopped: {4}"),
    ];

    public static string? Localize(string? detail, IStringLocalizer localizer)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return detail;
        }

        foreach (var (pattern, key) in Wordings)
        {
            var match = pattern.Match(detail);
            if (match.Success)
            {
                var values = match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray();
                return localizer[key, values];
            }
        }

        return detail;
    }

    private static Regex Exact(string text) => new("^" + Regex.Escape(text) + "$", RegexOptions.CultureInvariant);

    private static Regex Pattern(string pattern) => new("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
