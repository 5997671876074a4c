using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.E2E.Infrastructure;

/// <summary>
/// The real dashboard, started from its build output as a separate process on a free loopback port,
/// in sandbox mode with a database of its own. Disposed, it stops the process and deletes the database.
/// </summary>
public sealed partial class DashboardServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StringBuilder _output = new();

    private DashboardServer(Process process, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The dashboard's own SQLite file.</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "dashboard.db");

    /// <summary>A scratch directory deleted with the server.</summary>
    public string DataDirectory => _dataDirectory;

    public int ProcessId => _process.Id;

    /// <summary>The server's resident memory now, from /proc (Linux).</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The in-process Pilot Status sandbox's own address, read from the dashboard's start-up line
    /// "Pilot Status sandbox listening on http://127.0.0.1:port/ with N numbers."
    /// </summary>
    public async Task<Uri> SandboxAddressAsync()
    {
        // The console logger writes on its own thread, so the line may trail /health by a moment.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (SandboxListening().Match(Output) is { Success: true } match)
            {
                return new Uri(match.Groups["address"].Value);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The dashboard never said where the sandbox listens:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<DashboardServer> StartAsync(IDictionary<string, string>? settings = null)
    {
        var root = RepositoryRoot();
        var configuration = typeof(DashboardServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var projectDirectory = Path.Combine(root, "src", "Dashboard");
        var entry = Path.Combine(projectDirectory, "bin", configuration, "net10.0", "Dashboard.dll");
        if (!File.Exists(entry))
        {
            throw new InvalidOperationException($"Build the solution first: {entry} is missing.");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("dashboard-e2e-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(entry);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(projectDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "E2E";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "dashboard.db")}";
        start.Environment["PilotStatus__Mode"] = "Sandbox";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Dashboard.Sandbox.SandboxHost"] = "Information"; // names the sandbox's address
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the dashboard.");
        var server = new DashboardServer(process, dataDirectory, baseAddress);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync(); // a start that never became healthy must not outlive the test run
            throw;
        }

        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120); // a busy machine: this only bounds a broken start
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The dashboard did not answer /health within 120 s:\n{Output}");
    }

    [GeneratedRegex(@"Pilot Status sandbox listening on (?<address>https?://\S+?)/? with")]
    private static partial Regex SandboxListening();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the end-to-end tests from inside the repository.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
