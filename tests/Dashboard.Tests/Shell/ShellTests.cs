using Bunit;
using Dashboard.Components.Layout;
using Dashboard.Components.Shared;
using Dashboard.Core.Operators;
using Dashboard.Core.PilotStatus;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor.Extensions;

namespace Dashboard.Tests.Shell;

public sealed class ShellTests : DashboardTestContext
{
    [Fact]
    public void The_app_bar_says_Sandbox_when_the_API_is_simulated()
    {
        PilotStatus.Mode = PilotStatusMode.Sandbox;

        var layout = RenderLayout();

        Assert.Contains("Sandbox", layout.Find(".mud-appbar").TextContent);
    }

    [Fact]
    public void The_app_bar_has_no_Sandbox_badge_against_the_live_API()
    {
        PilotStatus.Mode = PilotStatusMode.Live;

        var layout = RenderLayout();

        Assert.DoesNotContain("Sandbox", layout.Find(".mud-appbar").TextContent);
    }

    [Fact]
    public void Operators_and_Audit_are_offered_to_administrators_only()
    {
        SignIn(OperatorRoles.Support);
        var support = Render<NavMenu>();
        Assert.DoesNotContain("Operators", support.Markup);
        Assert.DoesNotContain("Audit", support.Markup);

        SignIn(OperatorRoles.Administrator);
        var admin = Render<NavMenu>();
        Assert.Contains("Operators", admin.Markup);
        Assert.Contains("Audit", admin.Markup);
        Assert.Contains("Numbers", admin.Markup);
    }

    [Fact]
    public void The_signed_in_operator_is_shown_by_display_name()
    {
        SignIn(OperatorRoles.Operator, new System.Security.Claims.Claim(OperatorClaimsPrincipalFactory.DisplayNameClaim, "Ana Admin"));

        var menu = Render<OperatorMenu>();

        Assert.Contains("Ana Admin", menu.Markup);
    }

    [Fact]
    public async Task A_chosen_theme_is_saved_for_the_operator_and_applied()
    {
        var layout = RenderLayout();
        var picker = layout.FindComponent<ThemePicker>();

        await layout.InvokeAsync(() => picker.Instance.PreferenceChanged.InvokeAsync(ThemePreference.Dark));

        Assert.Equal(ThemePreference.Dark, Preferences.Saved["operator-1"]);
        layout.WaitForAssertion(() => Assert.True(layout.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(x => x.IsDarkMode)));
    }

    [Fact]
    public void A_saved_theme_is_used_when_the_shell_opens()
    {
        Preferences.Saved["operator-1"] = ThemePreference.Dark;

        var layout = RenderLayout();

        Assert.True(layout.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
        Assert.Equal(ThemePreference.Dark, layout.FindComponent<ThemePicker>().Instance.Preference);
    }

    [Fact]
    public void Once_the_circuit_has_rendered_the_page_is_no_longer_busy_and_its_controls_act()
    {
        // Prerendering never runs OnAfterRender; a circuit (and bUnit) does, and that is when the controls come alive.
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b =>
        {
            b.OpenComponent<MudBlazor.MudButton>(0);
            b.AddAttribute(1, nameof(MudBlazor.MudButton.ChildContent), (RenderFragment)(c => c.AddContent(0, "Add number")));
            b.CloseComponent();
        })));

        layout.WaitForAssertion(() => Assert.Equal("false", layout.Find("main").GetAttribute("aria-busy")));
        Assert.False(layout.Find("main button").HasAttribute("disabled"));
        Assert.False(layout.Find(".mud-appbar button").HasAttribute("disabled"));
    }

    [Fact]
    public void A_section_not_built_yet_says_what_it_will_hold()
    {
        var page = Render<PlannedPage>(p => p
            .Add(x => x.Title, "Customers")
            .Add(x => x.Summary, "Your customers.")
            .Add(x => x.WillHold, ["Assigning numbers to customers"]));

        Assert.Equal("Customers", page.Find("h1").TextContent);
        Assert.Contains("This section is being built.", page.Markup);
        Assert.Contains("Assigning numbers to customers", page.Markup);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));
}
