using System.Globalization;
using Bunit;
using Dashboard.Components.Layout;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Tests.Shell;

/// <summary>A fault in a page's own code: the page area explains it and offers a way on, the shell around it stays.</summary>
public sealed class PageErrorBoundaryTests : DashboardTestContext
{
    [Fact]
    public void A_page_that_fails_is_replaced_by_a_message_saying_what_to_do_while_the_menu_stays()
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page("Numbers")));

        layout.Find("button.fail").Click();

        var alert = layout.Find(".page-error[role=alert]");
        Assert.Contains("This part of the page stopped working.", alert.TextContent);
        Assert.Contains("Nothing you saved before is lost.", alert.TextContent);
        Assert.DoesNotContain(FailingPage.Secret, layout.Markup); // the exception stays in the server's log
        Assert.Empty(layout.FindAll("button.fail"));
        Assert.NotEmpty(layout.FindAll("nav, .mud-navmenu")); // the shell still works: the operator can go elsewhere
    }

    [Fact]
    public void Try_again_brings_the_page_back()
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page("Numbers")));
        layout.Find("button.fail").Click();

        layout.FindAll(".page-error button").Single(b => b.TextContent.Contains("Try again")).Click();

        Assert.Empty(layout.FindAll(".page-error"));
        Assert.Equal("Numbers", layout.Find("h1").TextContent);
    }

    [Fact]
    public void Going_to_another_page_leaves_the_last_pages_error_behind()
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, Page("Numbers")));
        layout.Find("button.fail").Click();

        layout.Render(p => p.Add(x => x.Body, Page("Customers")));

        Assert.Empty(layout.FindAll(".page-error"));
        Assert.Equal("Customers", layout.Find("h1").TextContent);
    }

    [Fact]
    public void The_message_is_in_the_operators_language()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("pt-BR");
        try
        {
            var boundary = Render<PageErrorBoundary>(p => p.AddChildContent(Page("Números")));

            boundary.Find("button.fail").Click();

            Assert.Contains("Esta parte da página parou de funcionar.", boundary.Markup);
            Assert.Contains("Tentar novamente", boundary.Markup);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static RenderFragment Page(string title) => builder =>
    {
        builder.OpenComponent<FailingPage>(0);
        builder.AddComponentParameter(1, nameof(FailingPage.Title), title);
        builder.CloseComponent();
    };

    /// <summary>A page whose button throws, as a bug in a page's handler would.</summary>
    private sealed class FailingPage : ComponentBase
    {
        public const string Secret = "ps_live_secret_in_an_exception";

        [Parameter]
        public string Title { get; set; } = "";

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "h1");
            builder.AddContent(1, Title);
            builder.CloseElement();
            builder.OpenElement(2, "button");
            builder.AddAttribute(3, "class", "fail");
            builder.AddAttribute(4, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => throw new InvalidOperationException(Secret)));
            builder.AddContent(5, "Fail");
            builder.CloseElement();
        }
    }
}
