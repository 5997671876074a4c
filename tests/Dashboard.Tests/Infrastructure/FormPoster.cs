using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Fills in a static server-rendered form the way a browser does: load the page, then post with its antiforgery token.</summary>
public static partial class FormPoster
{
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryInput().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");

        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
        };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(body));
    }

    public static async Task<HttpResponseMessage> SetUpFirstAdministratorAsync(
        this HttpClient client, string email = Operators.AdminEmail, string password = Operators.AdminPassword) =>
        await client.PostFormAsync("/setup", "setup", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ana Admin",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public static async Task<HttpResponseMessage> SignInAsync(
        this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostFormAsync(url, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken" """)]
    private static partial Regex AntiforgeryInput();
}

public static class Operators
{
    public const string AdminEmail = "ana@example.com";
    public const string AdminPassword = "correct horse battery";
}

public static class Redirects
{
    /// <summary>The path and query a redirect points to, whether the app wrote it absolute or relative.</summary>
    public static string? Target(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? new Uri(new Uri("http://localhost"), location).PathAndQuery
            : null;
}
