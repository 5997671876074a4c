using Bunit;
using Dashboard.Components.Account.Shared;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Account;

/// <summary>When an open page's sign-in ends (disabled, demoted, password changed), the page says so and offers sign-in.</summary>
public sealed class SessionEndedTests : DashboardTestContext
{
    [Fact]
    public void In_an_open_circuit_the_page_explains_the_end_of_the_session_and_links_to_sign_in_without_navigating_away()
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("numbers?search=acme");

        var page = Render<RedirectToLogin>();

        Assert.Equal("Your session has ended", page.Find("[role=alert] h1").TextContent);
        var signIn = page.Find("[role=alert] a");
        Assert.Equal("Sign in", signIn.TextContent);
        Assert.Equal("Account/Login?ReturnUrl=%2Fnumbers%3Fsearch%3Dacme", signIn.GetAttribute("href"));
        Assert.EndsWith("numbers?search=acme", navigation.Uri);
    }

    [Fact]
    public void A_request_without_a_sign_in_is_sent_to_the_sign_in_page()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("customers");

        Render<RedirectToLogin>();

        Assert.EndsWith("Account/Login?ReturnUrl=%2Fcustomers", navigation.Uri);
    }
}
