using Dashboard;
using Dashboard.Audit;
using Dashboard.Components;
using Dashboard.Components.Account;
using Dashboard.Configuration;
using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Diagnostics;
using Dashboard.LiveUpdates;
using Dashboard.Localization;
using Dashboard.Numbers;
using Dashboard.Sandbox;
using Dashboard.Security;
using Dashboard.Setup;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppFolder.ContentRoot(args, Environment.GetEnvironmentVariable, AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
});
builder.Configuration.AddOperatorSettingsFile(builder.Environment);

// Serves package assets (MudBlazor's _content) straight from the build output in every environment, not only
// Development; a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddDashboardCore(builder.Configuration);
builder.Services.AddDashboardWeb(builder.Environment);
builder.Services.AddMemoryDiagnostics(builder.Configuration);

var app = builder.Build();

// A misconfigured deployment stops here, naming the setting, before it touches the database.
app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
app.WarnWhenKeyRingUnprotected();
AppFolder.EnsureStaticAssets(app.Environment);

await app.Services.InitialiseDashboardDatabaseAsync();

if (args is ["reset-password", var email, ..])
{
    Environment.ExitCode = await ResetPasswordCommand.RunAsync(app.Services, email);
    return;
}

await app.Services.StartPilotStatusSandboxAsync();

app.UseSecurityHeaders();
if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestOriginCapture();
app.UseRequestLocalization();
app.UseFirstRunSetup();
app.UseAuthentication();
app.UseTwoFactorEnrolment();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapDashboardHealth();
app.MapCultureEndpoint();
app.MapAccountEndpoints();
app.MapNumbersExport();
app.MapAuditExport();
app.MapWebhookReceiver();
app.MapMemoryEndpointIfEnabled();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

// The sandbox's own web server also says "Now listening on"; this line names the address to open.
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Pilot Status Fleet dashboard ready: open {Urls}", string.Join(" or ", app.Urls)));

app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
