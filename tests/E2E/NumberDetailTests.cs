using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class NumberDetailTests() : DashboardSession(WithAdministrator())
{
    [Fact]
    public async Task The_number_ID_is_copied_with_one_click()
    {
        await SignInAsAdministratorAsync();
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var detail = new NumberDetailPage(Page);
        await detail.OpenFromListAsync("Padaria Estrela · Vendas");

        var copy = Page.GetByRole(AriaRole.Button, new() { Name = "Copy number ID" });
        await copy.ClickAsync();
        await Assertions.Expect(Page.GetByText("Copied", new() { Exact = true })).ToBeVisibleAsync();

        Assert.Equal(await detail.NumberId.TextContentAsync(), await Page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        // axe reads colours as drawn, mid-animation too: check the snackbar once it has faded in.
        await Page.WaitForFunctionAsync("() => Number(getComputedStyle(document.querySelector('.mud-snackbar')).opacity) === 1");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task A_Meta_number_shows_its_health_and_can_be_refreshed_from_Meta()
    {
        await SignInAsAdministratorAsync();
        var detail = new NumberDetailPage(Page);
        await detail.OpenFromListAsync("Farmácia Vida Boa · Vendas");

        await Assertions.Expect(Page.GetByText("2,000 conversations/day").First).ToBeVisibleAsync(); // Meta's TIER_2K, in words
        var refresh = Page.GetByRole(AriaRole.Button, new() { Name = "Refresh from Meta" });
        await refresh.ClickAsync();
        await Assertions.Expect(Page.GetByText(new Regex("Read from Meta (just now|a minute ago)"))).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task Removing_a_number_needs_its_last_four_digits()
    {
        await SignInAsAdministratorAsync();
        var detail = new NumberDetailPage(Page);
        await detail.OpenFromListAsync("Clínica Sorriso · Vendas");
        var phone = (await Page.Locator(".number-detail .mono").First.TextContentAsync())!.Trim();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Assertions.Expect(detail.RemoveDialog).ToBeVisibleAsync();
        var confirm = detail.RemoveDialog.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true });
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await detail.RemoveDialog.GetByLabel("Last 4 digits of the phone").FillAsync("0000" == phone[^4..] ? "1111" : "0000");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await detail.RemoveDialog.GetByLabel("Last 4 digits of the phone").FillAsync(phone[^4..]);
        await confirm.ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/numbers$"));
        await Assertions.Expect(Page.GetByText("The number was removed from Pilot Status.")).ToBeVisibleAsync();
    }
}
