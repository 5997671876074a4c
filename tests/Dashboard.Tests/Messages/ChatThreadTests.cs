using Bunit;
using Dashboard.Browser;
using Dashboard.Components.Pages.Messages;
using Dashboard.Core.Messages;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Tests.Numbers;

namespace Dashboard.Tests.Messages;

/// <summary>One conversation read as a WhatsApp chat; the table stays for looking across conversations.</summary>
public sealed class ChatThreadTests : MessagesTestContext
{
    private const string Id = ContractNumbers.QrId;

    [Fact]
    public void A_selected_conversation_reads_as_bubbles_oldest_first_with_a_separator_per_day_in_the_operators_zone()
    {
        JSInterop.Setup<string?>(BrowserTimeZone.ZoneFunction).SetResult("America/Sao_Paulo");
        Clock.SetUtcNow(DateTimeOffset.Parse("2026-07-02T15:00:00Z"));
        History.Messages[Id] =
        [
            Chat.Message("today", inbound: true, text: "Chegou, obrigada!", at: DateTimeOffset.Parse("2026-07-02T12:00:00Z")),
            Chat.Message("late", inbound: false, status: "READ", text: "Saiu para entrega", at: DateTimeOffset.Parse("2026-07-02T01:30:00Z"),
                readAt: DateTimeOffset.Parse("2026-07-02T01:31:00Z")),
            Chat.Message("first", inbound: true, text: "Meu pedido já saiu?", at: DateTimeOffset.Parse("2026-07-01T20:00:00Z")),
            Chat.Message("other", conversationId: "conv_bruno", participant: "Bruno", text: "Outra conversa"),
        ];
        History.Conversations[Id] = [Chat.Conversation("conv_ana", "Ana"), Chat.Conversation("conv_bruno", "Bruno")];
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(4, view.FindAll("tr.message").Count));

        view.FindAll("ul.conversation-list button")[0].Click();

        view.WaitForAssertion(() => Assert.Equal(3, view.FindAll("li.bubble").Count));
        Assert.Empty(view.FindAll("tr.message"));
        var days = view.FindAll("li.chat-day");
        // 01:30 UTC on 2 July is 22:30 on 1 July in São Paulo: the same day as the first message.
        Assert.Equal(2, days.Count);
        Assert.Equal("2026-07-01", days[0].QuerySelector(".chat-day-label time")!.GetAttribute("datetime"));
        Assert.Equal("Yesterday", days[0].QuerySelector(".chat-day-label")!.TextContent.Trim());
        Assert.Equal("Today", days[1].QuerySelector(".chat-day-label")!.TextContent.Trim());
        Assert.Equal(["Meu pedido já saiu?", "Saiu para entrega"], days[0].QuerySelectorAll("li.bubble .message-text").Select(t => t.TextContent));
        Assert.Equal(["bubble in", "bubble out"], days[0].QuerySelectorAll("li.bubble").Select(b => b.ClassName));
        Assert.DoesNotContain("Outra conversa", view.Find(".chat-thread").TextContent);
    }

    [Fact]
    public void Sent_bubbles_carry_their_ticks_and_a_failed_one_its_reason()
    {
        History.Messages[Id] =
        [
            Chat.Message("r", inbound: false, status: "READ", text: "lida", readAt: Chat.At),
            Chat.Message("d", inbound: false, status: "DELIVERED", text: "entregue", at: Chat.At.AddMinutes(-1), deliveredAt: Chat.At.AddMinutes(-1)),
            Chat.Message("s", inbound: false, status: "SENT", text: "enviada", at: Chat.At.AddMinutes(-2)),
            Chat.Message("q", inbound: false, status: "QUEUED", text: "na fila", at: Chat.At.AddMinutes(-3)),
            Chat.Message("f", inbound: false, status: "FAILED", text: "falhou", at: Chat.At.AddMinutes(-4),
                error: "RECIPIENT_NOT_ON_WHATSAPP: the number has no WhatsApp account"),
            Chat.Message("i", inbound: true, text: "recebida", at: Chat.At.AddMinutes(-5)),
        ];
        var view = OpenConversation();

        string TickOf(string text) => view.FindAll("li.bubble").Single(b => b.TextContent.Contains(text)).QuerySelector(".ticks")?.GetAttribute("aria-label") ?? "none";
        Assert.StartsWith("Read", TickOf("lida"));
        Assert.StartsWith("Delivered", TickOf("entregue"));
        Assert.Equal("Sent", TickOf("enviada"));
        Assert.Equal("Queued", TickOf("na fila"));
        Assert.Equal("Failed", TickOf("falhou"));
        Assert.Equal("none", TickOf("recebida"));
        var failed = view.FindAll("li.bubble").Single(b => b.TextContent.Contains("falhou"));
        Assert.Contains("failed", failed.ClassName);
        Assert.Contains("Not delivered: RECIPIENT_NOT_ON_WHATSAPP: the number has no WhatsApp account", failed.QuerySelector(".bubble-failure")!.TextContent);
    }

    [Fact]
    public void Files_are_cards_with_their_kind_name_and_link()
    {
        History.Messages[Id] =
        [
            Chat.Message("d", "document", text: "Orçamento 1042.pdf",
                media: new MessageMedia("EVO", null, "https://media.example/d.pdf", "application/pdf", "Orçamento 1042.pdf")),
            Chat.Message("i", "image", text: "Segue a foto", at: Chat.At.AddMinutes(-1), media: new MessageMedia("EVO", null, "https://media.example/i.jpg", "image/jpeg", null)),
        ];
        var view = OpenConversation();

        var document = view.Find("li.bubble[data-message-type=document] .media-card");
        Assert.Contains("Document", document.TextContent);
        Assert.Contains("Orçamento 1042.pdf", document.TextContent);
        Assert.Equal("https://media.example/d.pdf", document.QuerySelector("a")!.GetAttribute("href"));
        var image = view.Find("li.bubble[data-message-type=image]");
        Assert.Contains("Image", image.QuerySelector(".media-card")!.TextContent);
        Assert.Contains("Segue a foto", image.QuerySelector(".message-text")!.TextContent);
    }

    [Fact]
    public void Older_messages_are_offered_at_the_top_of_the_thread_and_land_above()
    {
        History.Messages[Id] = Chat.Many(120).Select(m => m with { ConversationId = "conv_ana" }).ToList();
        var view = OpenConversation();
        Assert.Equal(50, view.FindAll("li.bubble").Count);
        var oldestShown = view.Find("li.bubble .message-text").TextContent;

        view.Find(".chat-older button").Click();

        view.WaitForAssertion(() => Assert.Equal(100, view.FindAll("li.bubble").Count));
        Assert.Equal("Mensagem 099", view.Find("li.bubble .message-text").TextContent);
        Assert.Equal("Mensagem 049", oldestShown);
        Assert.Single(view.FindAll("button"), b => b.TextContent.Contains("Load older messages"));
    }

    [Fact]
    public void Delivery_follows_the_status_and_for_an_unknown_status_the_furthest_timestamp()
    {
        Assert.Equal(Delivery.None, ChatDays.DeliveryOf(Chat.Message("a", inbound: true, status: "READ")));
        Assert.Equal(Delivery.Read, ChatDays.DeliveryOf(Chat.Message("b", inbound: false, status: "READ")));
        Assert.Equal(Delivery.Failed, ChatDays.DeliveryOf(Chat.Message("c", inbound: false, status: "CANCELED")));
        Assert.Equal(Delivery.Delivered, ChatDays.DeliveryOf(Chat.Message("d", inbound: false, status: "PLAYED", deliveredAt: Chat.At)));
    }

    private IRenderedComponent<NumberMessages> OpenConversation()
    {
        History.Conversations[Id] = [Chat.Conversation("conv_ana", "Ana")];
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("ul.conversation-list button")));
        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("tr.message")));
        view.FindAll("ul.conversation-list button")[0].Click();
        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("li.bubble")));
        return view;
    }
}
