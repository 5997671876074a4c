using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Configuration;

/// <summary>A misconfigured deployment must refuse to start, naming the key to fix, and never echo a secret.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void Live_mode_without_a_tenant_key_stops_start_up_naming_the_setting()
    {
        var error = StartupError(new() { ["PilotStatus:Mode"] = "Live", ["PilotStatus:TenantApiKey"] = "" });

        Assert.Contains("PilotStatus:TenantApiKey is required", error);
        Assert.Contains("PilotStatus__TenantApiKey", error);
    }

    [Fact]
    public void A_key_that_is_not_a_Pilot_Status_key_is_refused_without_repeating_it()
    {
        const string secretLookingValue = "sk_live_THIS_MUST_NOT_BE_PRINTED";

        var error = StartupError(new() { ["PilotStatus:Mode"] = "Live", ["PilotStatus:TenantApiKey"] = secretLookingValue });

        Assert.Contains("keys start with 'ps_'", error);
        Assert.DoesNotContain(secretLookingValue, error);
    }

    [Fact]
    public void An_unknown_database_provider_names_the_setting()
    {
        var error = StartupError(new() { ["Database:Provider"] = "Oracle" });

        Assert.Contains("Database:Provider", error);
    }

    [Fact]
    public void A_refresh_margin_that_leaves_a_code_no_time_on_screen_names_the_settings()
    {
        var error = StartupError(new() { ["Connect:NextCodeLifetime"] = "00:00:05", ["Connect:RefreshMargin"] = "00:00:05" });

        Assert.Contains("Connect:NextCodeLifetime must be at least one second longer than Connect:RefreshMargin", error);
    }

    [Fact]
    public void A_missing_connection_string_names_the_setting()
    {
        var error = StartupError(new() { ["Database:ConnectionString"] = "" });

        Assert.Contains("Database:ConnectionString is required", error);
    }

    [Fact]
    public void A_configured_first_administrator_needs_a_long_enough_password()
    {
        var error = StartupError(new() { ["FirstAdministrator:Email"] = "ops@example.com", ["FirstAdministrator:Password"] = "short" });

        Assert.Contains("FirstAdministrator:Password must be at least 12 characters", error);
        Assert.DoesNotContain("short\"", error);
    }

    [Fact]
    public void Live_mode_with_a_key_and_url_starts()
    {
        using var app = new DashboardAppFactory(new Dictionary<string, string?>
        {
            ["PilotStatus:Mode"] = "Live",
            ["PilotStatus:BaseUrl"] = "https://pilotstatus.example",
            ["PilotStatus:TenantApiKey"] = "ps_tenant_key_for_tests",
        });

        using var client = app.CreateClient();
        Assert.NotNull(client);
    }

    [Fact]
    public void Live_mode_refuses_a_plain_http_address_outside_loopback()
    {
        var error = StartupError(new()
        {
            ["PilotStatus:Mode"] = "Live",
            ["PilotStatus:BaseUrl"] = "http://pilotstatus.example",
            ["PilotStatus:TenantApiKey"] = "ps_tenant_key_for_tests",
        });

        Assert.Contains("PilotStatus:BaseUrl must start with https://", error);
        Assert.DoesNotContain("ps_tenant_key_for_tests", error);
    }

    [Fact]
    public void Live_mode_accepts_plain_http_on_loopback()
    {
        using var app = new DashboardAppFactory(new Dictionary<string, string?>
        {
            ["PilotStatus:Mode"] = "Live",
            ["PilotStatus:BaseUrl"] = "http://127.0.0.1:5999",
            ["PilotStatus:TenantApiKey"] = "ps_tenant_key_for_tests",
        });

        using var client = app.CreateClient();
        Assert.NotNull(client);
    }

    [Fact]
    public void In_production_a_missing_mode_stops_start_up_naming_the_setting()
    {
        var error = StartupError(new() { ["PilotStatus:Mode"] = null }, environment: "Production");

        Assert.Contains("PilotStatus:Mode is not set", error);
        Assert.Contains("PilotStatus__Mode", error);
    }

    [Fact]
    public void In_production_an_explicit_sandbox_mode_starts()
    {
        using var app = new DashboardAppFactory(new Dictionary<string, string?> { ["PilotStatus:Mode"] = "Sandbox" });
        using var production = app.WithWebHostBuilder(web => web.UseEnvironment("Production"));

        using var client = production.CreateClient();
        Assert.NotNull(client);
    }

    [Fact]
    public void Outside_production_a_missing_mode_means_the_sandbox()
    {
        using var app = new DashboardAppFactory(new Dictionary<string, string?> { ["PilotStatus:Mode"] = null });

        using var client = app.CreateClient();
        Assert.Equal(PilotStatusMode.Sandbox, app.Services.GetRequiredService<IOptions<PilotStatusOptions>>().Value.Mode);
    }

    private static string StartupError(Dictionary<string, string?> settings, string? environment = null)
    {
        using var factory = new DashboardAppFactory(settings);
        using var app = factory.WithWebHostBuilder(web =>
        {
            if (environment is not null)
            {
                web.UseEnvironment(environment);
            }
        });
        var exception = Record.Exception(() => app.CreateClient());
        Assert.NotNull(exception);
        var all = exception.ToString();
        Assert.True(exception is OptionsValidationException or InvalidOperationException || all.Contains(nameof(OptionsValidationException)), all);
        return all;
    }
}
