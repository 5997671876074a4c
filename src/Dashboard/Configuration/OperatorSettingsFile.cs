using Microsoft.Extensions.Configuration.Json;

namespace Dashboard.Configuration;

public static class OperatorSettingsFile
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Run from a clone, the operator's file is the repository root's appsettings.json, two folders above the project.
    /// It is loaded first, so environment-specific files, user secrets, environment variables and the command line
    /// still override it. A published app has its copy in the content root, which the default builder already reads.
    /// </summary>
    public static IConfigurationBuilder AddOperatorSettingsFile(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var root = FindRepositoryRoot(environment.ContentRootPath);
        if (root is null)
        {
            return configuration;
        }

        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var index = 0;
        foreach (var name in new[] { FileName, $"appsettings.{environment.EnvironmentName}.json" })
        {
            var source = new JsonConfigurationSource { Path = name, Optional = true, ReloadOnChange = true };
            source.ResolveFileProvider();
            source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root);
            sources.Insert(index++, source);
        }

        return configuration;
    }

    internal static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")) && File.Exists(Path.Combine(dir.FullName, FileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
