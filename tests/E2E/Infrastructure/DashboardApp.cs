using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Dashboard.E2E.Infrastructure;

/// <summary>
/// The dashboard one test class shares: started by the class's first test, brought back to the state it started in
/// before each later test (the sandbox's fleet and the database), and stopped once the class is done.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Type, Lazy<Task<DashboardApp>>> ByTestClass = new();
    private static readonly Lock Registry = new();

    // xUnit runs every test class at once (async tests do not hold a thread); a dozen apps starting together on two
    // cores each take over a minute. As many apps as cores run at a time; the other classes wait for a slot.
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount));

    private readonly Dictionary<string, string> _signIns = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _databaseSnapshot;
    private int _testsRunning;
    private bool _stopped;
    private bool _used;

    // A run cut short (a filter, a crash of the runner) must not leave dashboards running after the test process.
    static DashboardApp() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var lazy in ByTestClass.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            }
        }
    };

    private DashboardApp(DashboardServer server, SandboxControl sandbox, string databaseSnapshot)
    {
        Server = server;
        Sandbox = sandbox;
        _databaseSnapshot = databaseSnapshot;
    }

    public DashboardServer Server { get; }

    public SandboxControl Sandbox { get; }

    /// <summary>
    /// The app of <paramref name="testClass"/>, started on first use; a test holds it until <see cref="Release"/>.
    /// Every test after the first finds it as the first did.
    /// </summary>
    public static async Task<DashboardApp> AcquireAsync(Type testClass, IDictionary<string, string>? settings)
    {
        while (true)
        {
            var lazy = ByTestClass.GetOrAdd(testClass, _ => new Lazy<Task<DashboardApp>>(() => StartAsync(settings)));
            DashboardApp app;
            try
            {
                app = await lazy.Value;
            }
            catch
            {
                ByTestClass.TryRemove(KeyValuePair.Create(testClass, lazy)); // the next test tries a fresh start
                throw;
            }

            lock (Registry)
            {
                if (app._stopped)
                {
                    continue; // stopped as idle a moment ago: start another
                }

                app._testsRunning++;
            }

            if (app._used)
            {
                await app.ResetAsync();
            }

            app._used = true;
            return app;
        }
    }

    public void Release()
    {
        lock (Registry)
        {
            _testsRunning--;
        }
    }

    /// <summary>
    /// Stops every app no test is using: called when a test class is done. xUnit does not say which class that was, so
    /// another class's app may go too between two of its tests; its next test then starts a new one.
    /// </summary>
    public static async Task StopIdleAsync()
    {
        List<DashboardApp> idle = [];
        lock (Registry)
        {
            foreach (var (testClass, lazy) in ByTestClass)
            {
                if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && lazy.Value.Result._testsRunning == 0)
                {
                    lazy.Value.Result._stopped = true;
                    ByTestClass.TryRemove(KeyValuePair.Create(testClass, lazy));
                    idle.Add(lazy.Value.Result);
                }
            }
        }

        foreach (var app in idle)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The cookies a sign-in as <paramref name="email"/> left in this app, if a test of the class signed in before.</summary>
    public IReadOnlyList<Cookie> StoredSignIn(string email)
    {
        lock (_signIns)
        {
            if (!_signIns.TryGetValue(email, out var state))
            {
                return [];
            }

            using var json = JsonDocument.Parse(state);
            return json.RootElement.GetProperty("cookies").EnumerateArray().Select(c => new Cookie
            {
                Name = c.GetProperty("name").GetString()!,
                Value = c.GetProperty("value").GetString()!,
                Domain = c.GetProperty("domain").GetString()!,
                Path = c.GetProperty("path").GetString()!,
                Expires = c.GetProperty("expires").GetSingle(),
                HttpOnly = c.GetProperty("httpOnly").GetBoolean(),
                Secure = c.GetProperty("secure").GetBoolean(),
                SameSite = Enum.Parse<SameSiteAttribute>(c.GetProperty("sameSite").GetString()!),
            }).ToList();
        }
    }

    /// <summary>Keeps a signed-in context's state (Playwright's storage state) for the class's later tests.</summary>
    public async Task StoreSignInAsync(string email, IBrowserContext context)
    {
        var state = await context.StorageStateAsync();
        lock (_signIns)
        {
            _signIns[email] = state;
        }
    }

    private static async Task<DashboardApp> StartAsync(IDictionary<string, string>? settings)
    {
        await Slots.WaitAsync();
        DashboardServer server;
        try
        {
            server = await DashboardServer.StartAsync(settings);
        }
        catch
        {
            Slots.Release();
            throw;
        }

        try
        {
            var sandbox = await SandboxControl.ForAsync(server);
            var snapshot = Path.Combine(server.DataDirectory, "at-start.db");
            await CopyAsync(server.DatabasePath, snapshot);
            return new DashboardApp(server, sandbox, snapshot);
        }
        catch
        {
            await server.DisposeAsync();
            Slots.Release();
            throw;
        }
    }

    private async Task ResetAsync()
    {
        await Sandbox.ResetAsync();
        await CopyAsync(_databaseSnapshot, Server.DatabasePath);
    }

    /// <summary>
    /// SQLite's online backup: the running dashboard's open connections see the copied pages on their next read,
    /// which replacing the file under them would not give. A write of the app's under way makes it wait its turn.
    /// </summary>
    private static async Task CopyAsync(string from, string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var source = new SqliteConnection($"Data Source={from};Pooling=False");
                using var target = new SqliteConnection($"Data Source={to};Pooling=False");
                source.Open();
                target.Open();
                source.BackupDatabase(target);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && DateTime.UtcNow < deadline) // BUSY, LOCKED
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Sandbox.Dispose();
        await Server.DisposeAsync();
        Slots.Release();
    }
}
