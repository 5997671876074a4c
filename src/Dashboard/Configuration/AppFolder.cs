using Microsoft.Extensions.FileProviders;

namespace Dashboard.Configuration;

/// <summary>
/// Where the app's own files are. A service manager may start it from any folder (<c>cd / &amp;&amp; dotnet
/// /srv/dashboard/Dashboard.dll</c>): the content root is then the app's folder, not the working directory, unless
/// one is configured (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c> or <c>DOTNET_CONTENTROOT</c>).
/// </summary>
public static class AppFolder
{
    /// <summary>The files every page loads: without them the UI is dead, so start-up stops instead.</summary>
    internal static readonly string[] RequiredAssets = ["app.css", "js/clipboard.js", "_content/MudBlazor/MudBlazor.min.css", "_content/MudBlazor/MudBlazor.min.js"];

    /// <summary>
    /// The content root to build the host with; null leaves it to the configured one, or to the working directory when
    /// that holds the app's web root: <c>dotnet run</c> starts in the project folder, whose relative SQLite path
    /// (<c>data/dashboard.db</c>) must not move into the build output, where a clean would delete it.
    /// </summary>
    public static string? ContentRoot(string[] args, Func<string, string?> environment, string appFolder, string? workingDirectory = null)
    {
        var configured = args.Any(a => a.TrimStart('-', '/').Split('=')[0].Equals("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        var startedInTheAppsFolder = workingDirectory is not null && Directory.Exists(Path.Combine(workingDirectory, "wwwroot"));
        return configured || startedInTheAppsFolder ? null : appFolder;
    }

    /// <summary>Stops start-up, naming the folder and the files, when the static assets every page needs are missing.</summary>
    public static void EnsureStaticAssets(IWebHostEnvironment environment)
    {
        var missing = Missing(environment.WebRootFileProvider);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The dashboard's static files are missing: {string.Join(", ", missing)} not found under {environment.WebRootPath ?? "(no wwwroot)"} " +
                $"(content root {environment.ContentRootPath}). Without them every page loads without styles or scripts. Deploy the " +
                "whole publish folder, including wwwroot, and leave the content root unset (the app's folder) or point --contentRoot " +
                "or ASPNETCORE_CONTENTROOT at that folder.");
        }
    }

    internal static IReadOnlyList<string> Missing(IFileProvider webRoot) =>
        RequiredAssets.Where(path => webRoot.GetFileInfo(path) is not { Exists: true, Length: > 0 }).ToList();
}
