using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Core.Numbers;

/// <summary>
/// Everything the detail panel shows about one number. The detail and the live status are separate calls and fail
/// separately: a failed status read still shows the health, and a failed detail read still shows the listed number.
/// </summary>
/// <param name="Number">The detail call's number, with gaps (instance name, API key hints) filled from the list entry.</param>
/// <param name="CustomerId">Our local assignment; null when the number belongs to no customer.</param>
public sealed record NumberOverview(
    WhatsAppNumber Number,
    int? CustomerId,
    string? CustomerName,
    ApiResult<NumberDetail> Detail,
    ApiResult<LiveStatus> Live)
{
    public NumberHealth? Health => Detail.Value?.Health;

    public MetaSnapshot? Meta => Detail.Value?.Meta;

    /// <summary>Ready to send, by the live status when it could be read, otherwise as listed.</summary>
    public bool Ready => Live.Succeeded ? Live.Value.Ready : Number.Ready;
}

/// <param name="CustomerName">The customer it was assigned to, or null when none was chosen or the assignment failed.</param>
/// <param name="AssignmentProblem">Set when the number was created but could not be assigned to the chosen customer.</param>
public sealed record AddedNumber(CreatedNumber Number, string? CustomerName, string? AssignmentProblem);

/// <param name="WasAlreadyGone">Pilot Status no longer had the number (404); only our own record of it was removed.</param>
public sealed record NumberRemoval(string NumberId, bool WasAlreadyGone);

public sealed record CustomerChoice(int Id, string Name);
