using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Infrastructure;

/// <summary>The real app in memory, on its own temporary SQLite file, in sandbox mode.</summary>
public sealed class DashboardAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    static DashboardAppFactory()
    {
        // Every host watches its configuration files; dozens of hosts in parallel test classes exhaust the machine's
        // inotify instances (128 by default) and start-up fails at random. Polling watchers use none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public DashboardAppFactory(IDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_dataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "dashboard.db")}",
            ["PilotStatus:Mode"] = "Sandbox",
            ["FirstAdministrator:Email"] = "",
            ["FirstAdministrator:Password"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the OS.
        }
    }
}
