using Dashboard.Audit;
using Dashboard.Browser;
using Dashboard.Components.Account;
using Dashboard.Localization;
using Dashboard.Sandbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard;

public static class DependencyInjection
{
    /// <summary>The web layer: components, MudBlazor, sign-in cookies, authorization and localization.</summary>
    public static IServiceCollection AddDashboardWeb(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
            options.DetailedErrors = environment.IsDevelopment());

        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;

            // Fully opaque: at MudBlazor's default 95 % the page shows through and white text on success green drops below WCAG AA.
            config.SnackbarConfiguration.MaximumOpacity = 100;
        });

        services.AddDashboardLocalization();
        services.AddTransient<MudLocalizer, DashboardMudLocalizer>();
        services.AddScoped<ClipboardService>();
        services.AddScoped<BrowserTimeZone>();
        services.AddRequestOriginCapture();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "Dashboard.Auth";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        // Over https the antiforgery cookie is marked Secure like the sign-in cookie (its default is to send it either way).
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // The cookie is checked against the database as often as open circuits are: a disabled operator is out within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = IdentityRevalidatingAuthenticationStateProvider.Interval);

        // Every page needs a signed-in operator unless it says otherwise ([AllowAnonymous]).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddPilotStatusSandboxHost();
        services.AddDatabaseDeveloperPageExceptionFilter();
        return services;
    }
}
