using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Localization;

public sealed partial class TranslationTests : IDisposable
{
    private static readonly string Root = RepositoryRoot();
    private readonly DashboardAppFactory _app = new(new Dictionary<string, string?>
    {
        ["FirstAdministrator:Email"] = Operators.AdminEmail,
        ["FirstAdministrator:Password"] = Operators.AdminPassword,
    });

    [Fact]
    public void Every_UI_text_in_the_web_project_has_a_Brazilian_Portuguese_translation()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src", "Dashboard"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups["key"].Value)))
            .ToHashSet();
        var neutral = Keys("SharedResource.resx");
        var portuguese = Keys("SharedResource.pt-BR.resx");

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(neutral).Order());
        Assert.Empty(neutral.Except(portuguese).Order());
        Assert.Empty(portuguese.Except(neutral).Order());
    }

    [Fact]
    public void Every_audit_action_has_a_label_in_both_languages()
    {
        var neutral = Keys("SharedResource.resx");
        var portuguese = Keys("SharedResource.pt-BR.resx");
        var labels = Dashboard.Core.Audit.AuditActions.All.Select(Dashboard.Components.Pages.Audit.AuditActionLabels.Of).ToList();

        Assert.DoesNotContain(labels, label => Dashboard.Core.Audit.AuditActions.All.Contains(label));
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.DoesNotContain(labels, label => !neutral.Contains(label) || !portuguese.Contains(label));
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.pt-BR.resx")]
    public void No_two_keys_differ_only_in_case(string file)
    {
        // The resource compiler keeps one of "Connected" and "connected" and drops the other with a mere warning,
        // so the dropped text would show untranslated.
        var names = XDocument.Load(Path.Combine(Root, "src", "Dashboard", "Resources", "Localization", file))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!);

        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void MudBlazor_own_texts_follow_the_operators_language()
    {
        using var scope = _app.Services.CreateScope();
        var interceptor = scope.ServiceProvider.GetRequiredService<MudBlazor.ILocalizationInterceptor>();
        string Mud(string key) => interceptor.Handle(key).Value;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("pt-BR");
            Assert.Equal(["Próxima página", "Obrigatório", "Limpar", "Fechar"],
                [Mud("MudPagination_NextPage"), Mud("MudFormComponent_Required"), Mud("MudInput_Clear"), Mud("MudDialog_Close")]);

            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Next page", Mud("MudPagination_NextPage"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task The_browser_language_chooses_the_culture()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("pt-BR"));

        var html = await client.GetStringAsync("/Account/Login");

        Assert.Contains("<html lang=\"pt-BR\"", html);
        Assert.Contains("Esqueceu sua senha?", html);
    }

    [Fact]
    public async Task The_picked_culture_is_remembered_over_the_browser_language()
    {
        var client = _app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var pick = await client.GetAsync("/culture?culture=pt-BR&redirectUri=%2FAccount%2FLogin");
        Assert.Equal(HttpStatusCode.Redirect, pick.StatusCode);
        Assert.Equal("/Account/Login", pick.Target());

        Assert.Contains("Esqueceu sua senha?", await client.GetStringAsync("/Account/Login"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task The_culture_switch_only_redirects_within_the_dashboard(string target)
    {
        var pick = await _app.CreateBrowserLikeClient().GetAsync($"/culture?culture=en&redirectUri={Uri.EscapeDataString(target)}");

        Assert.Equal("/", pick.Target());
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root, "src", "Dashboard", "Resources", "Localization", file))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    [GeneratedRegex("""\b[Ll]\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerKey();

    public void Dispose() => _app.Dispose();
}
