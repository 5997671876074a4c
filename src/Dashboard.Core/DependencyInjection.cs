using Dashboard.Core.Audit;
using Dashboard.Core.Cluster;
using Dashboard.Core.Connect;
using Dashboard.Core.Customers;
using Dashboard.Core.Data;
using Dashboard.Core.Messages;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.Security;
using Dashboard.Core.Settings;
using Dashboard.Core.Setup;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core;

public static class DependencyInjection
{
    /// <summary>Domain services, data and the Pilot Status client. Options are validated when the host starts.</summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<PilotStatusOptions>().BindConfiguration(PilotStatusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PilotStatusOptions>, PilotStatusModeChosen>();
        services.AddOptions<ConnectOptions>().BindConfiguration(ConnectOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LiveUpdatesOptions>().BindConfiguration(LiveUpdatesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FirstAdministratorOptions>().BindConfiguration(FirstAdministratorOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddDashboardCluster();
        services.AddDashboardDatabase();
        services.AddScoped<DatabaseInitialiser>();
        services.AddDataProtection().SetApplicationName("PilotStatusFleet").PersistKeysToDbContext<DashboardDbContext>();
        services.AddKeyRingProtection();

        services.AddIdentityCore<Operator>(OperatorPasswordPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager<OperatorSignInManager>()
            .AddClaimsPrincipalFactory<OperatorClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddScoped<OperatorAccounts>();
        services.AddScoped<IOperatorPreferences>(sp => sp.GetRequiredService<OperatorAccounts>());
        services.AddScoped<OperatorScopes>(); // Per circuit: its scopes are re-checked with the circuit's sign-in.
        services.AddScoped<OperatorAdministration>();
        services.AddSingleton<TwoFactorRequirement>();
        services.AddSingleton<OperatorChanges>();
        services.AddSingleton<FirstRunState>();
        services.AddScoped<FirstRunSetup>();

        services.AddScoped<RequestOrigin>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<DashboardSettings>();

        services.AddSingleton<CustomerDirectory>();
        services.AddTransient<CustomerAdministration>();
        services.AddSingleton<FleetIndex>();
        services.AddSingleton<MetaQuality>();
        services.AddTransient<NumberFleet>();
        services.AddTransient<StateRefresh>();
        services.AddSingleton<DuplicateSubmitGuard>();
        services.AddTransient<NumberAdministration>();
        services.AddTransient<ConnectSessions>();
        services.AddScoped<PairingLinks>();
        services.AddSingleton<MessagePageCache>();
        services.AddScoped<MessageHistory>();
        services.AddTransient<TestSends>();
        services.AddTransient<Webhooks.NumberWebhooks>();

        services.AddSingleton<NumberEvents>();
        services.AddSingleton<NumberStateBook>();
        services.AddSingleton<NumberTimeline>();
        services.AddSingleton<ReceiverToken>();
        services.AddTransient<LiveUpdatesSetup>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<WebhookProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookProcessor>());
        services.AddSingleton<TimelineRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<TimelineRecorder>());

        services.AddSingleton<ApiCallMonitor>();
        services.AddPilotStatusClient();
        // "ready": what /health/ready asks before a balancer sends this instance visitors.
        services.AddHealthChecks()
            .AddDbContextCheck<DashboardDbContext>("database", tags: [HealthTags.Ready])
            .AddCheck<RedisHealthCheck>("redis", tags: [HealthTags.Ready])
            .AddCheck<PilotStatusHealthCheck>("pilot-status", tags: [HealthTags.Ready])
            .AddCheck<StoppingHealthCheck>("accepting", tags: [HealthTags.Ready])
            .AddCheck<LiveUpdatesHealthCheck>("live-updates");
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ShutdownDrain>();

        return services;
    }
}
