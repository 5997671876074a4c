using Dashboard.Tests.Infrastructure;
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

    private static string StartupError(Dictionary<string, string?> settings)
    {
        using var app = new DashboardAppFactory(settings);
        var exception = Record.Exception(() => app.CreateClient());
        Assert.NotNull(exception);
        var all = exception.ToString();
        Assert.True(exception is OptionsValidationException or InvalidOperationException || all.Contains(nameof(OptionsValidationException)), all);
        return all;
    }
}
