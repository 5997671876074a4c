using System.Globalization;
using Bunit;
using Dashboard.Components.Pages.Audit;
using Dashboard.Components.Pages.Numbers;
using Dashboard.Core.Audit;
using Dashboard.Core.LiveUpdates;
using Dashboard.Core.Numbers;
using Dashboard.Localization;
using Dashboard.Tests.Numbers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Tests.Localization;

/// <summary>Screens an operator reads in Brazilian Portuguese: no Meta codes, MudBlazor or audit wording left in English.</summary>
public sealed class PortugueseScreensTests : NumberComponentTestContext, IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public PortugueseScreensTests()
    {
        Services.AddSingleton<MetaQuality>();
        Services.AddTransient<StateRefresh>();
        Services.AddSingleton<AuditTrail>();
        Services.AddTransient<MudLocalizer, DashboardMudLocalizer>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("pt-BR");
    }

    [Fact]
    public void Meta_health_reads_as_words_with_the_limit_in_conversations_per_day()
    {
        Api.Numbers.Add(ContractNumbers.Meta());
        Api.Details[ContractNumbers.MetaId] = ContractNumbers.Found(ContractNumbers.MetaDetail());

        var panel = Render<NumberDetailPanel>(p => p.Add(x => x.NumberId, ContractNumbers.MetaId));

        panel.WaitForAssertion(() => Assert.Contains("Alta", panel.Find(".number-detail").TextContent));
        var text = panel.Find(".number-detail").TextContent;
        Assert.Contains("2.000 conversas/dia", text);
        Assert.Contains("Conectado", text);
        Assert.Contains("Verificado", text);
        foreach (var code in new[] { "GREEN", "TIER_2K", "CONNECTED", "verified" })
        {
            Assert.DoesNotContain(code, text);
        }
    }

    [Fact]
    public async Task The_timeline_names_the_connect_wizard_in_Portuguese()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.NumberStatusChanges.Add(new NumberStatusChange
            {
                NumberId = ContractNumbers.QrId, At = DateTime.Parse("2026-06-30T09:00:00Z").ToUniversalTime(), ToState = "OPEN",
                Source = StatusChangeSource.Operator, Detail = "connect wizard",
            });
            await db.SaveChangesAsync();
        }

        var tab = Render<NumberTimelineTab>(p => p.Add(x => x.NumberId, ContractNumbers.QrId));

        tab.WaitForAssertion(() => Assert.Contains("assistente de conexão", tab.Find("tbody tr").TextContent));
        Assert.DoesNotContain("connect wizard", tab.Markup);
    }

    [Fact]
    public async Task MudBlazor_pagination_clear_and_required_texts_are_in_Portuguese()
    {
        var pager = Render<MudPagination>(p => p.Add(x => x.Count, 3).Add(x => x.Selected, 2));
        var field = Render<MudTextField<string>>(p => p.Add(x => x.Value, "ana").Add(x => x.Clearable, true).Add(x => x.Required, true));

        var labels = pager.FindAll("button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains("Próxima página", labels);
        Assert.Contains("Página anterior", labels);
        Assert.Contains("Página atual 2", labels);
        Assert.Equal("Limpar", field.Find("button").GetAttribute("aria-label"));

        var form = Render<MudForm>(p => p.AddChildContent<MudTextField<string>>(f => f.Add(x => x.Required, true)));
        await form.InvokeAsync(form.Instance.ValidateAsync);
        form.WaitForAssertion(() => Assert.Contains("Obrigatório", form.Markup));
    }

    [Fact]
    public async Task Audit_details_written_by_the_dashboard_are_shown_in_Portuguese_keeping_their_data()
    {
        var audit = Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync(null, null, new AuditEvent(AuditActions.SignInFailed, Detail: "bia@example.com: wrong email or password"));
        await audit.RecordAsync(null, null, new AuditEvent(AuditActions.SignInSucceeded, Detail: "password and authenticator code"));

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Contains("senha e código do autenticador", page.Markup);
        Assert.Contains("bia@example.com: email ou senha incorretos", page.Markup);
        Assert.DoesNotContain("wrong email or password", page.Markup);
    }

    [Fact]
    public void Every_Meta_health_word_and_audit_wording_has_a_translation()
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var keys = MetaHealthText.KnownKeys.Concat(AuditDetailText.Wordings.Select(w => w.Key)).Concat(DashboardMudLocalizer.Texts.Values);

        var untranslated = keys.Where(k => localizer[k].ResourceNotFound || localizer[k].Value == k && !k.Contains('{')).ToList();

        Assert.True(untranslated.Count == 0, "No pt-BR text for: " + string.Join(", ", untranslated));
    }

    void IDisposable.Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
