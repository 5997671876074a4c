using System.Text;
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

            var filter = AuditFilterUrl.Parse(name => context.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null);
            var name = $"audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv";
            return Results.Stream(async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                await trail.ExportAsync(scope, filter, writer, context.RequestAborted);
            }, "text/csv; charset=utf-8", name);
        });
}
