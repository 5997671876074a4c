using System.Text;

namespace Dashboard;

/// <summary>A CSV file the browser downloads, named after what it holds and when it was made.</summary>
internal static class CsvDownload
{
    public static IResult Create(string prefix, TimeProvider clock, Func<TextWriter, Task> write) =>
        new NotStored(Results.Stream(async stream =>
        {
            // The BOM makes Excel read the file as UTF-8 (accents in Brazilian names).
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await write(writer);
        }, "text/csv; charset=utf-8", $"{prefix}-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv"));

    /// <summary>Exports hold customers' phones and who did what: no browser or proxy may keep a copy.</summary>
    private sealed class NotStored(IResult file) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.Pragma = "no-cache";
            return file.ExecuteAsync(httpContext);
        }
    }
}
