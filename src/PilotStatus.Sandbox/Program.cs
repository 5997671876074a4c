namespace PilotStatus.Sandbox;

/// <summary>
/// Standalone: <c>dotnet run --project src/PilotStatus.Sandbox -- --urls http://127.0.0.1:5080</c>.
/// Settings come from the command line or the environment, e.g. <c>--PilotStatus:Sandbox:FleetSize=10000</c>.
/// </summary>
public static class Program
{
    private const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var options = builder.Configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        builder.Services.AddPilotStatusSandbox(options);

        var app = builder.Build();
        app.MapPilotStatusSandbox();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PilotStatus.Sandbox");
        app.Lifetime.ApplicationStarted.Register(() => LogWelcome(app, logger));

        await app.RunAsync();
    }

    private static void LogWelcome(WebApplication app, ILogger logger)
    {
        var state = app.Services.GetRequiredService<SandboxState>();
        var sample = state.GetNumbers().First();
        logger.LogInformation(
            "Pilot Status sandbox listening on {Urls} (API under /v1, controls under /sandbox). " +
            "Tenant key: {TenantKey}. Other tenant's key: {OtherKey}. {Count} numbers; number keys come from GET /v1/api-keys, e.g. {NumberId} uses {NumberKey}.",
            string.Join(", ", app.Urls),
            state.TenantApiKey,
            state.OtherTenantApiKey,
            state.GetNumbers().Count,
            sample.Id,
            sample.ApiKey);
    }
}
