using Bunit;
using Dashboard.Browser;
using Dashboard.Components.Pages.Messages;
using Dashboard.Core.Audit;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;
using Dashboard.Tests.Numbers;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Messages;

public sealed class NumberMessagesTests : MessagesTestContext
{
    private const string Id = ContractNumbers.QrId;

    [Fact]
    public void Every_message_type_is_shown_as_text_or_described_in_words_with_its_file_and_link()
    {
        History.Messages[Id] =
        [
            Chat.Message("t", text: "Olá, ainda está disponível?", at: Chat.At),
            Chat.Message("i", "image", text: "Segue a foto", at: Chat.At.AddMinutes(-1),
                media: new MessageMedia("EVO", null, "https://media.example/i.jpg", "image/jpeg", null)),
            Chat.Message("a", "audio", text: null, at: Chat.At.AddMinutes(-2), media: new MessageMedia("META", "1234567890", null, "audio/ogg", null)),
            Chat.Message("v", "video", text: null, at: Chat.At.AddMinutes(-3), media: new MessageMedia("EVO", null, "https://media.example/v.mp4", "video/mp4", null)),
            Chat.Message("d", "document", text: "Orçamento 1042.pdf", at: Chat.At.AddMinutes(-4),
                media: new MessageMedia("EVO", null, "https://media.example/d.pdf", "application/pdf", "Orçamento 1042.pdf")),
            Chat.Message("l", "location", text: "Rua das Flores, 123 - Centro, São Paulo", at: Chat.At.AddMinutes(-5)),
            Chat.Message("c", "contacts", text: "Bruno Lima: +5521987654321", at: Chat.At.AddMinutes(-6)),
            Chat.Message("s", "sticker", text: null, at: Chat.At.AddMinutes(-7), media: null),
            Chat.Message("r", "reaction", text: "👍", at: Chat.At.AddMinutes(-8)),
        ];

        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));

        view.WaitForAssertion(() => Assert.Equal(9, view.FindAll("tr.message").Count));
        string Cell(string type) => view.Find($"tr[data-message-type='{type}'] .message-content").TextContent;
        Assert.Contains("Olá, ainda está disponível?", Cell("text"));
        Assert.Contains("Image", Cell("image"));
        Assert.Contains("Segue a foto", Cell("image"));
        Assert.Equal("https://media.example/i.jpg", view.Find("tr[data-message-type='image'] a").GetAttribute("href"));
        Assert.Contains("Audio message", Cell("audio"));
        Assert.Contains("Meta media id 1234567890; no direct link", Cell("audio"));
        Assert.Contains("Video", Cell("video"));
        Assert.Contains("Document", Cell("document"));
        Assert.Contains("Orçamento 1042.pdf", Cell("document"));
        Assert.Contains("(application/pdf)", Cell("document"));
        Assert.Contains("Location: Rua das Flores, 123 - Centro, São Paulo", Cell("location"));
        Assert.Contains("Shared contact: Bruno Lima: +5521987654321", Cell("contacts"));
        Assert.Contains("Sticker", Cell("sticker"));
        Assert.Contains("No link to the file", Cell("sticker"));
        Assert.Contains("Reaction 👍 to an earlier message", Cell("reaction"));
    }

    [Fact]
    public void Every_status_is_shown_with_the_timestamps_it_has_and_the_exact_UTC_on_hover()
    {
        var at = Chat.At;
        History.Messages[Id] =
        [
            Chat.Message("q", status: "QUEUED", inbound: false, at: at),
            Chat.Message("s", status: "SENT", inbound: false, at: at.AddMinutes(-1), sentAt: at.AddMinutes(-1).AddSeconds(1)),
            Chat.Message("d", status: "DELIVERED", inbound: false, at: at.AddMinutes(-2), sentAt: at.AddMinutes(-2).AddSeconds(1), deliveredAt: at.AddMinutes(-2).AddSeconds(5)),
            Chat.Message("r", status: "READ", inbound: false, at: at.AddMinutes(-3), sentAt: at.AddMinutes(-3).AddSeconds(1),
                deliveredAt: at.AddMinutes(-3).AddSeconds(5), readAt: at.AddMinutes(-3).AddMinutes(2)),
            Chat.Message("f", status: "FAILED", inbound: false, at: at.AddMinutes(-4), error: "WHATSAPP_NOT_EXIST: the destination number is not on WhatsApp"),
            Chat.Message("x", status: "CANCELED", inbound: false, at: at.AddMinutes(-5)),
            Chat.Message("i", status: "READ", inbound: true, at: at.AddMinutes(-6), deliveredAt: at.AddMinutes(-6).AddSeconds(1), readAt: at.AddMinutes(-5)),
        ];

        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));

        view.WaitForAssertion(() => Assert.Equal(7, view.FindAll("tr.message").Count));
        var rows = view.FindAll("tr.message");
        string Status(int row) => rows[row].QuerySelectorAll("td")[4].TextContent;
        Assert.Contains("Queued", rows[0].QuerySelector(".badge")!.TextContent);
        Assert.Contains("Queued", rows[0].QuerySelector(".status-steps")!.TextContent);
        Assert.Equal("2026-06-27 10:00:00 UTC", rows[0].QuerySelector(".status-steps time")!.GetAttribute("title"));
        Assert.Equal("Sent", rows[1].QuerySelector(".badge")!.TextContent);
        Assert.Contains("Sent", rows[1].QuerySelector(".status-steps")!.TextContent);
        Assert.Equal("Delivered", rows[2].QuerySelector(".badge")!.TextContent);
        Assert.Contains(rows[2].QuerySelectorAll(".status-steps time"), t => t.GetAttribute("title") == "2026-06-27 09:58:05 UTC");
        Assert.Equal("Read", rows[3].QuerySelector(".badge")!.TextContent);
        Assert.Equal(3, rows[3].QuerySelectorAll(".status-steps time").Length);
        Assert.Contains(rows[3].QuerySelectorAll(".status-steps time"), t => t.GetAttribute("title") == "2026-06-27 09:59:00 UTC");
        Assert.Equal("Failed", rows[4].QuerySelector(".badge")!.TextContent);
        Assert.Contains("Reason: WHATSAPP_NOT_EXIST: the destination number is not on WhatsApp", Status(4));
        Assert.Equal("Cancelled", rows[5].QuerySelector(".badge")!.TextContent);
        Assert.Contains("Received", rows[6].QuerySelector(".status-steps")!.TextContent);
        Assert.Contains("↓ In", rows[6].TextContent);
        Assert.Contains("↑ Out", rows[0].TextContent);
        Assert.Contains("by Suporte", rows[0].TextContent);
        Assert.Equal("2026-06-27 10:00:00 UTC", rows[0].QuerySelector("td time")!.GetAttribute("title"));
    }

    [Fact]
    public void Times_are_shown_in_the_operators_time_zone()
    {
        JSInterop.Setup<string?>(BrowserTimeZone.ZoneFunction).SetResult("America/Sao_Paulo");
        History.Messages[Id] = [Chat.Message("t", at: Chat.At)];

        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));

        view.WaitForAssertion(() => Assert.Single(view.FindAll("tr.message")));
        var time = view.Find("tr.message td time");
        Assert.Equal("2026-06-27 10:00:00 UTC", time.GetAttribute("title"));
        Assert.Contains("7:00", time.TextContent);
        Assert.DoesNotContain("UTC", time.TextContent);
    }

    [Fact]
    public void A_failed_message_without_a_reason_says_Pilot_Status_gave_none()
    {
        History.Messages[Id] = [Chat.Message("f", status: "FAILED", inbound: false, error: null)];

        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));

        view.WaitForAssertion(() => Assert.Contains("Pilot Status gave no reason.", view.Find("tr.message.failed .failure-reason").TextContent));
    }

    [Fact]
    public void A_relay_only_number_shows_the_APIs_notice_instead_of_an_empty_table()
    {
        History.RelayOnly.Add(Id);

        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));

        view.WaitForAssertion(() => Assert.Contains("This number keeps no message history", view.Markup));
        Assert.Contains("PII_RELAY_ONLY", view.Markup);
        Assert.Contains("relay-only privacy mode", view.Markup);
        Assert.Empty(view.FindAll("table"));
        Assert.DoesNotContain("No messages", view.Markup);
    }

    [Fact]
    public void Load_older_reads_the_next_page_once_and_adds_it_below_until_the_oldest_is_reached()
    {
        History.Messages[Id] = Chat.Many(120);
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(50, view.FindAll("tr.message").Count));
        Assert.Contains("50 of 120 messages loaded, newest first.", view.Markup);

        LoadOlder(view);
        view.WaitForAssertion(() => Assert.Equal(100, view.FindAll("tr.message").Count));
        LoadOlder(view);
        view.WaitForAssertion(() => Assert.Equal(120, view.FindAll("tr.message").Count));

        Assert.Equal([1, 2, 3], History.HistoryRequests.Select(r => r.Page.Page));
        Assert.All(History.HistoryRequests, r => Assert.Equal(50, r.Page.PageSize));
        Assert.Contains("Mensagem 000", view.FindAll("tr.message")[0].TextContent);
        Assert.Contains("Mensagem 119", view.FindAll("tr.message")[119].TextContent);
        Assert.DoesNotContain(view.FindAll("button"), b => b.TextContent.Contains("Load older messages"));
        Assert.Contains("This is the oldest message Pilot Status keeps for this number in this period.", view.Markup);
    }

    [Fact]
    public async Task Opening_a_history_is_recorded_once_however_many_pages_are_read()
    {
        History.Messages[Id] = Chat.Many(120);
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(50, view.FindAll("tr.message").Count));
        LoadOlder(view);
        view.WaitForAssertion(() => Assert.Equal(100, view.FindAll("tr.message").Count));

        await using var db = Database.CreateDbContext();
        var entry = Assert.Single(await db.AuditEntries.ToListAsync());
        Assert.Equal((AuditActions.MessageHistoryOpened, Id, "operator-1"), (entry.Action, entry.NumberId, entry.OperatorId));
    }

    [Fact]
    public void Selecting_a_conversation_shows_its_loaded_messages_and_says_older_pages_may_hold_more()
    {
        History.Messages[Id] = Chat.Many(120);
        History.Conversations[Id] = [Chat.Conversation("conv_ana", "Ana", unread: 2), Chat.Conversation("conv_bruno", "Bruno", last: Chat.At.AddMinutes(-1))];
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(2, view.FindAll("ul.conversation-list button").Count));
        var ana = view.FindAll("ul.conversation-list button")[0];
        Assert.Contains("2 unread", ana.TextContent);
        Assert.Contains("Direct", ana.TextContent);
        Assert.Contains("+55 11 98888-7777", ana.TextContent);
        Assert.Contains("Olá! Sua entrega chegou.", ana.TextContent);

        ana.Click();

        view.WaitForAssertion(() => Assert.Equal(25, view.FindAll("li.bubble").Count));
        Assert.All(view.FindAll("li.bubble"), b => Assert.Contains("Mensagem", b.TextContent));
        Assert.Empty(view.FindAll("tr.message"));
        Assert.Contains("Messages of the conversation with Ana", view.Markup);
        Assert.Contains("older pages may hold more", view.Markup);
        Assert.Equal("true", view.FindAll("ul.conversation-list button")[0].GetAttribute("aria-pressed"));
        Assert.Single(History.HistoryRequests);
    }

    [Fact]
    public void Filtering_by_failed_and_searching_look_only_at_the_loaded_messages_and_say_so()
    {
        var messages = Chat.Many(60);
        messages[3] = messages[3] with { Status = "FAILED", Direction = "OUTBOUND", ErrorMessage = "DELIVERY_TIMEOUT: the provider did not confirm delivery in time" };
        History.Messages[Id] = messages;
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(50, view.FindAll("tr.message").Count));

        view.InvokeAsync(() => view.FindComponents<MudBlazor.MudSelect<string>>().Single().Instance.ValueChanged.InvokeAsync("FAILED"));

        view.WaitForAssertion(() => Assert.Single(view.FindAll("tr.message")));
        Assert.Contains("Reason: DELIVERY_TIMEOUT: the provider did not confirm delivery in time", view.Find("tr.message").TextContent);
        Assert.Contains("1 of the 50 loaded messages match; Pilot Status has 60 in this period.", view.Markup);
        Assert.Contains("older pages may hold more", view.Markup);
        Assert.Contains("Searches only the messages loaded so far, not older pages.", view.Markup);

        view.InvokeAsync(() => view.FindComponents<MudBlazor.MudSelect<string>>().Single().Instance.ValueChanged.InvokeAsync(""));
        view.InvokeAsync(() => view.FindComponents<MudBlazor.MudTextField<string>>().Single(f => f.Instance.Label == "Search the loaded messages").Instance.ValueChanged.InvokeAsync("Mensagem 04"));

        view.WaitForAssertion(() => Assert.Equal(10, view.FindAll("tr.message").Count));
        Assert.Single(History.HistoryRequests);
    }

    [Fact]
    public void A_start_date_after_the_end_date_is_refused_inline_without_calling_the_API()
    {
        History.Messages[Id] = Chat.Many(3);
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(3, view.FindAll("tr.message").Count));

        SetDates(view, "2026-06-20", "2026-06-10");

        view.WaitForAssertion(() => Assert.Contains("The start date is after the end date.", view.Find(".date-problem").TextContent));
        Assert.Single(History.HistoryRequests);
        Assert.Equal(3, view.FindAll("tr.message").Count);
    }

    [Fact]
    public void A_date_range_applies_in_the_operators_day_and_asks_Pilot_Status_for_it()
    {
        History.Messages[Id] = [Chat.Message("new", at: Chat.At), Chat.Message("old", at: Chat.At.AddDays(-10), text: "Antiga")];
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(2, view.FindAll("tr.message").Count));

        SetDates(view, "2026-06-15", "2026-06-20");

        view.WaitForAssertion(() => Assert.Single(view.FindAll("tr.message")));
        Assert.Contains("Antiga", view.Find("tr.message").TextContent);
        var asked = History.HistoryRequests.Last().Page;
        Assert.Equal((DateTimeOffset.Parse("2026-06-15T00:00:00Z"), DateTimeOffset.Parse("2026-06-20T23:59:59.9999999Z")), (asked.From, asked.To));
    }

    [Fact]
    public void The_APIs_INVALID_DATE_RANGE_is_shown_beside_the_dates()
    {
        History.Messages[Id] = Chat.Many(3);
        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));
        view.WaitForAssertion(() => Assert.Equal(3, view.FindAll("tr.message").Count));
        History.HistoryFailure = HistoryPilotStatusClient.InvalidDateRange;

        SetDates(view, "2026-06-10", "2026-06-20");

        view.WaitForAssertion(() => Assert.Contains("INVALID_DATE_RANGE", view.Find(".date-problem").TextContent));
        Assert.DoesNotContain(view.FindAll("[role=alert]"), a => a.ClassList.Contains("mud-alert") && a.TextContent.Contains("INVALID_DATE_RANGE"));
    }

    [Fact]
    public void A_number_that_is_not_connected_still_shows_its_stored_history()
    {
        Api.Numbers[0] = ContractNumbers.Qr() with { State = NumberState.Closed, Ready = false };
        History.Messages[Id] = Chat.Many(3);

        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));

        view.WaitForAssertion(() => Assert.Equal(3, view.FindAll("tr.message").Count));
        Assert.Contains("This number is not connected", view.Markup);
        Assert.Contains("about one month of history", view.Markup);
    }

    [Fact]
    public async Task Support_staff_opening_another_customers_number_get_not_found_and_no_messages()
    {
        Api.Numbers.Add(ContractNumbers.Qr("num_mine", "+5511911112222"));
        await SignInAsSupportOfAsync("num_mine");
        History.Messages[Id] = Chat.Many(3);

        var view = Render<NumberMessages>(p => p.Add(x => x.NumberId, Id));

        view.WaitForAssertion(() => Assert.Contains("is not one of your customers'", view.Markup));
        Assert.Empty(view.FindAll("tr.message"));
        Assert.Empty(History.HistoryRequests);
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public void The_messages_page_lists_the_operators_customers_and_their_numbers_as_links()
    {
        var view = Render<MessagesPage>();

        view.WaitForAssertion(() => Assert.Contains("Numbers without a customer", view.Markup));
        var link = view.Find($"a[href='numbers/{Id}/messages']");
        Assert.Equal("Suporte", link.TextContent);
    }

    private static void LoadOlder(IRenderedComponent<NumberMessages> view) =>
        view.FindAll("button").Single(b => b.TextContent.Contains("Load older messages")).Click();

    private static void SetDates(IRenderedComponent<NumberMessages> view, string from, string to)
    {
        view.Find(".date-field input[type=date]").Change(from);
        view.FindAll(".date-field input[type=date]")[1].Change(to);
        view.FindAll("button").Single(b => b.TextContent.Contains("Apply dates")).Click();
    }
}
