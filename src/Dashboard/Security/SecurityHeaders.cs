namespace Dashboard.Security;

/// <summary>
/// Headers on every response, error pages and static files included. The policy fits Blazor Server and MudBlazor:
/// scripts only from our own origin (no inline script anywhere), the circuit's WebSocket to our own host, images
/// from us or data: URIs (QR codes), and inline styles, which MudBlazor writes as style attributes and its theme
/// as a &lt;style&gt; element.
/// </summary>
public static class SecurityHeaders
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// Browser features the dashboard never uses stay off, even for a script that got in; the copy buttons write to
    /// the clipboard, and passkeys need the Web Authentication API, both on our own origin only.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
        + "microphone=(), midi=(), payment=(), usb=(), clipboard-write=(self), "
        + "publickey-credentials-create=(self), publickey-credentials-get=(self)";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var development = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return app.Use((context, next) =>
        {
            // OnStarting: the exception handler and status-code pages clear headers set before them.
            context.Response.OnStarting(() =>
            {
                Apply(context, development);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    public static string ContentSecurityPolicy(HttpRequest request, bool development)
    {
        var host = request.Host.Value;

        // Development: hot reload's browser-refresh script talks to its own WebSocket port.
        var devSockets = development ? " ws://localhost:* wss://localhost:*" : "";
        return "default-src 'self'; "
            + "script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; "
            + "font-src 'self' data:; "
            + $"connect-src 'self' ws://{host} wss://{host}{devSockets}; "
            + "object-src 'none'; "
            + "frame-ancestors 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'";
    }

    private static void Apply(HttpContext context, bool development)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request, development);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = PermissionsPolicy;

        // Browsers ignore HSTS over plain HTTP; in Development it would pin localhost to HTTPS for a year.
        if (!development && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = $"max-age={(int)HstsMaxAge.TotalSeconds}; includeSubDomains";
        }
    }
}
