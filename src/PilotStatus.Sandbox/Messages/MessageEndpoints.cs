namespace PilotStatus.Sandbox;

internal static class MessageEndpoints
{
    public static void MapMessageEndpoints(this RouteGroupBuilder numberScoped)
    {
        numberScoped.MapGet("/messages/history", History);
        numberScoped.MapGet("/conversations", Conversations);
    }

    /// <summary>Newest first, filtered on <c>providerTimestamp</c>.</summary>
    private static IResult History(HttpContext http, SandboxState state)
    {
        if (HistoryQuery.TryParse(http.Request.Query, out var query) is { } invalid)
        {
            return invalid;
        }

        var number = http.TargetNumber();
        if (number.Definition.PiiMode == PiiMode.RelayOnly)
        {
            return SandboxJson.Ok(new HistoryPage([], 0, query.Page, query.PageSize, 0, MessageValues.RelayOnlyNotice));
        }

        var matching = state.HistoryOf(number).Messages.Where(m => query.Includes(m.ProviderTimestamp)).ToList();
        return SandboxJson.Ok(new HistoryPage([.. query.PageOf(matching)], matching.Count, query.Page, query.PageSize, query.TotalPages(matching.Count)));
    }

    /// <summary>Most recent first, filtered on <c>lastMessageAt</c>.</summary>
    private static IResult Conversations(HttpContext http, SandboxState state)
    {
        if (HistoryQuery.TryParse(http.Request.Query, out var query) is { } invalid)
        {
            return invalid;
        }

        var number = http.TargetNumber();
        if (number.Definition.PiiMode == PiiMode.RelayOnly)
        {
            return SandboxJson.Ok(new ConversationPage([], 0, query.Page, query.PageSize, 0, MessageValues.RelayOnlyNotice));
        }

        var matching = state.HistoryOf(number).Conversations.Where(c => query.Includes(c.LastMessageAt)).ToList();
        return SandboxJson.Ok(new ConversationPage([.. query.PageOf(matching)], matching.Count, query.Page, query.PageSize, query.TotalPages(matching.Count)));
    }
}
