using Dashboard.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Dashboard.Tests.Configuration;

public sealed class AppFolderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dashboard-webroot-");

    [Fact]
    public void Started_from_another_folder_the_content_root_is_the_apps_own_folder()
    {
        Assert.Equal("/srv/dashboard/", AppFolder.ContentRoot([], _ => null, "/srv/dashboard/"));
    }

    [Fact]
    public void Started_from_another_folder_without_a_web_root_the_content_root_is_the_apps_own_folder()
    {
        Assert.Equal("/srv/dashboard/", AppFolder.ContentRoot([], _ => null, "/srv/dashboard/", _folder.FullName));
    }

    [Fact]
    public void Started_by_dotnet_run_in_the_project_folder_the_content_root_stays_there_with_its_database()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "wwwroot"));

        Assert.Null(AppFolder.ContentRoot([], _ => null, "/srv/dashboard/bin/", _folder.FullName));
    }

    [Theory]
    [InlineData("--contentRoot", "/opt/x")]
    [InlineData("--contentroot=/opt/x", null)]
    public void A_content_root_on_the_command_line_is_kept(string first, string? second)
    {
        string[] args = second is null ? [first] : [first, second];

        Assert.Null(AppFolder.ContentRoot(args, _ => null, "/srv/dashboard/"));
    }

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void A_content_root_in_the_environment_is_kept(string variable)
    {
        Assert.Null(AppFolder.ContentRoot([], name => name == variable ? "/opt/x" : null, "/srv/dashboard/"));
    }

    [Fact]
    public void Start_up_stops_naming_the_missing_files_and_the_folder_when_wwwroot_is_empty()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "app.css"), ""); // present but empty counts as missing too

        var error = Assert.Throws<InvalidOperationException>(() => AppFolder.EnsureStaticAssets(new Environment(_folder.FullName)));

        Assert.StartsWith(
            "The dashboard's static files are missing: app.css, js/clipboard.js, _content/MudBlazor/MudBlazor.min.css, _content/MudBlazor/MudBlazor.min.js " +
            $"not found under {_folder.FullName}",
            error.Message);
        Assert.Contains("--contentRoot or ASPNETCORE_CONTENTROOT", error.Message);
    }

    [Fact]
    public void The_real_app_has_every_required_asset()
    {
        using var app = new Dashboard.Tests.Infrastructure.DashboardAppFactory();
        var environment = (IWebHostEnvironment)app.Services.GetService(typeof(IWebHostEnvironment))!;

        Assert.Empty(AppFolder.Missing(environment.WebRootFileProvider));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private sealed class Environment(string webRoot) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = webRoot;

        public IFileProvider WebRootFileProvider { get; set; } = new PhysicalFileProvider(webRoot);

        public string ApplicationName { get; set; } = "Dashboard";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = "/";

        public string EnvironmentName { get; set; } = "Production";
    }
}
