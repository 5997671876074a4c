using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class NumbersTests() : DashboardSession(WithAdministrator())
{
    [Fact]
    public async Task A_number_is_found_by_its_phone_typed_the_way_people_say_it()
    {
        await SignInAsAdministratorAsync();
        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync("?sort=phone");
        var e164 = (await Page.Locator(".phone-e164").Nth(3).InnerTextAsync()).Trim();
        var name = (await numbers.Rows.Nth(3).Locator(".number-name").InnerTextAsync()).Trim();

        // +5511982056555 → "(11) 98205-6555", as a customer reads it out on the phone.
        var national = e164[3..];
        var typed = $"({national[..2]}) {national[2..^4]}-{national[^4..]}";
        await numbers.SearchAsync(typed);

        await Assertions.Expect(numbers.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(numbers.Rows.First).ToContainTextAsync(name);
        await Assertions.Expect(numbers.Rows.First).ToContainTextAsync(e164);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task A_filtered_view_survives_a_reload_and_can_be_bookmarked()
    {
        await SignInAsAdministratorAsync();
        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync();

        // The count is a toggle, pressed once: a second press would clear the filter again.
        var disconnected = numbers.StateCount("disconnected");
        await disconnected.ClickAsync();
        await Assertions.Expect(disconnected).ToHaveAttributeAsync("aria-pressed", "true");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("state=disconnected"));
        var bookmark = Page.Url;
        await Page.ReloadAsync();

        await numbers.ExpectShownAsync();
        await Assertions.Expect(numbers.StateCount("disconnected")).ToHaveAttributeAsync("aria-pressed", "true");
        var states = await Page.Locator("tbody .state-badge").AllInnerTextsAsync();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal("Disconnected", s.Trim()));

        var other = await Page.Context.NewPageAsync();
        await other.GotoAsync(bookmark);
        await Assertions.Expect(other.Locator("tbody .state-badge").First).ToHaveTextAsync("Disconnected");
    }

    [Fact]
    public async Task A_wrong_phone_is_explained_and_creates_nothing_and_a_right_one_adds_the_number()
    {
        await SignInAsAdministratorAsync();
        var numbers = new NumbersPage(Page);
        await numbers.OpenAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByLabel("Name").FillAsync("Loja Nova · Teste");
        await dialog.GetByLabel("Phone").FillAsync("(11) 3333");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("The number is too short");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await dialog.GetByLabel("Phone").FillAsync("(11) 98765-4321");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Loja Nova · Teste was added to Pilot Status.");

        // The connect wizard takes over from the code issued with the number: shown at once, counted down, rotated.
        var wizard = new ConnectWizardPage(Page);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Img, new() { Name = "QR code to connect +55 11 98765-4321" })).ToBeVisibleAsync();
        await Assertions.Expect(wizard.PairingCode).ToHaveTextAsync(new Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        await Assertions.Expect(wizard.Counter(1, 6)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await wizard.SimulateScan.ClickAsync();
        await Assertions.Expect(wizard.Connected).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        await numbers.SearchAsync("Loja Nova");
        await Assertions.Expect(numbers.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(numbers.Rows.First).ToContainTextAsync("+5511987654321");
    }
}
