using Dashboard.E2E.Infrastructure;
using Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class MessagesTests() : DashboardSession(WithAdministrator())
{
    [Fact]
    public async Task Support_reads_a_numbers_history_from_the_list_down_to_a_failed_messages_reason()
    {
        await SignInAsAdministratorAsync();
        var messages = new NumberMessagesPage(Page);

        await messages.OpenFromNumbersListAsync("Padaria Estrela · Vendas");

        // A conversation: only its messages, and a word on what older pages may still hold.
        var conversation = messages.Conversations.First;
        var name = (await conversation.Locator(".conversation-name").InnerTextAsync()).Trim();
        await conversation.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Messages of the conversation with {name}" })).ToBeVisibleAsync();
        await Assertions.Expect(conversation).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.GetByText("look only at the messages loaded so far").Or(Page.GetByText("Every message of this period is loaded"))).ToBeVisibleAsync();

        // Read as a chat: bubbles under day separators instead of table rows.
        await Assertions.Expect(messages.Bubbles.First).ToBeVisibleAsync();
        await Assertions.Expect(messages.Thread.Locator(".chat-day-label").First).ToBeVisibleAsync();
        await Assertions.Expect(messages.Messages).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        // Back to everything, then one page further back.
        await messages.AllConversations.ClickAsync();
        var firstPage = await messages.Messages.CountAsync();
        await messages.LoadOlder.ClickAsync();
        await Assertions.Expect(messages.Messages).Not.ToHaveCountAsync(firstPage);
        Assert.True(await messages.Messages.CountAsync() > firstPage);

        // Failed messages, with the reason Pilot Status gave.
        await messages.LoadOlderUntilAsync(messages.FailedMessages);
        await messages.FilterByStatusAsync("Failed");
        await Assertions.Expect(Page.Locator("tr.message:not(.failed)")).ToHaveCountAsync(0);
        await Assertions.Expect(messages.FailedMessages.First).ToBeVisibleAsync();
        await Assertions.Expect(messages.FailedMessages.First.Locator(".failure-reason")).ToContainTextAsync("Reason: ");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }
}
