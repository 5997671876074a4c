using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;

namespace Dashboard.Numbers;

public static class NumbersExportEndpoint
{
    /// <summary>
    /// <c>GET /numbers/export.csv?…</c> with the numbers list's own query parameters: every number of the current view,
    /// not just the page on screen, and only those the operator may see. A plain link, so the browser downloads it.
    /// </summary>
    public static IEndpointConventionBuilder MapNumbersExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/numbers/export.csv", async (HttpContext context, NumberFleet fleet, OperatorScopes scopes, TimeProvider clock) =>
        {
            var scope = await scopes.ForAsync(context.User, context.RequestAborted);
            var query = FleetQueryUrl.Parse(name => context.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null);
            var rows = await fleet.AllMatchingAsync(scope, query, context.RequestAborted);
            if (!rows.Succeeded)
            {
                return Results.Problem(rows.Failure.Message, statusCode: StatusCodes.Status502BadGateway, title: "Pilot Status did not answer");
            }

            return CsvDownload.Create("numbers", clock, writer => FleetCsv.WriteAsync(writer, rows.Value));
        });
}
