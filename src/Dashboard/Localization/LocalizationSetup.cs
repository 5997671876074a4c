using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Dashboard.Localization;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Supported = [new("en"), new("pt-BR")];

    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The picker's cookie wins over the browser's Accept-Language; the query string is not a source.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary><c>GET /culture?culture=pt-BR&amp;redirectUri=/numbers</c>: remembers the choice for a year and goes back.</summary>
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (HttpContext context, string? culture, string? redirectUri) =>
        {
            if (culture is not null && Supported.Any(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions
                    {
                        Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true,
                        Secure = context.Request.IsHttps,
                    });
            }

            // Only local paths: an open redirect here would be a phishing aid. Control characters (a TAB, CR, LF) have no
            // place in a path, and LocalRedirect would throw on them.
            var target = redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal)
                && !redirectUri.StartsWith("/\\", StringComparison.Ordinal) && !redirectUri.Any(char.IsControl)
                ? redirectUri
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
}
