using System.Text.RegularExpressions;
using Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.E2E.Pages;

/// <summary>One number's messages (<c>/numbers/{id}/messages</c>): conversations, filters, the history table and a conversation's chat.</summary>
public sealed class NumberMessagesPage(IPage page)
{
    public ILocator Messages => page.Locator("tr.message");

    public ILocator FailedMessages => page.Locator("tr.message.failed");

    /// <summary>One conversation as a chat: its bubbles, in the "Conversation" log.</summary>
    public ILocator Thread => page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });

    public ILocator Bubbles => Thread.Locator("li.bubble");

    public ILocator Conversations => page.Locator("ul.conversation-list button.conversation");

    public ILocator LoadOlder => page.GetByRole(AriaRole.Button, new() { Name = "Load older messages" });

    public ILocator AllConversations => page.GetByRole(AriaRole.Button, new() { Name = "All conversations" });

    /// <summary>From the numbers list, by the row's "Messages of …" link: no number ID typed anywhere.</summary>
    public async Task OpenFromNumbersListAsync(string numberName)
    {
        await new NumbersPage(page).OpenAsync("?q=" + Uri.EscapeDataString(numberName));
        await page.GetByRole(AriaRole.Link, new() { Name = $"Messages of {numberName}", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/numbers/[^/?]+/messages$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Messages of {numberName}", Level = 1 })).ToBeVisibleAsync();

        // The history is read once the page is interactive, so rows on screen also mean the buttons work.
        await Assertions.Expect(Messages.First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    public async Task FilterByStatusAsync(string status)
    {
        await page.Locator(".filter-select").Filter(new() { HasText = "Status" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^{status}$") }).ClickAsync();
    }

    /// <summary>Loads older pages until one of <paramref name="wanted"/> is loaded or there are no older pages.</summary>
    public async Task LoadOlderUntilAsync(ILocator wanted)
    {
        for (var attempt = 0; attempt < 20 && await wanted.CountAsync() == 0 && await LoadOlder.IsVisibleAsync(); attempt++)
        {
            var before = await Messages.CountAsync();
            await LoadOlder.ClickAsync();
            await Assertions.Expect(Messages).Not.ToHaveCountAsync(before);
        }
    }
}
