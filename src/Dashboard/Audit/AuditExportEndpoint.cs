using Dashboard.Core.Audit;
using Dashboard.Core.Operators;

namespace Dashboard.Audit;

public static class AuditExportEndpoint
{
    /// <summary>
    /// <c>GET /audit/export.csv?…</c> with the audit page's own filters: every matching entry, newest first. Administrators
    /// only; anyone else gets 404, like a page that does not exist.
    /// </summary>
    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/audit/export.csv", async (HttpContext context, AuditTrail trail, OperatorScopes scopes, TimeProvider clock) =>
        {
            var scope = await scopes.ForAsync(context.User, context.RequestAborted);
            if (!scope.CanManageOperators)
            {
                return Results.NotFound();
            }

            // The page passes the operator's zone, so the file holds the same days as the screen.
            var zone = context.Request.Query["tz"].ToString() is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)
                ? found
                : TimeZoneInfo.Utc;
            var filter = AuditFilterUrl.Parse(name => context.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null, zone);
            return CsvDownload.Create("audit", clock, writer => trail.ExportAsync(scope, filter, writer, context.RequestAborted));
        });
}
