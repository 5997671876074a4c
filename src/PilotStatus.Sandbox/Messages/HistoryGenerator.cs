namespace PilotStatus.Sandbox;

/// <summary>
/// Deterministic message history for one number: the same seed and number id always give the same conversations and
/// messages, laid out over the 30 days before the moment of generation (the documented "about a month" of history).
/// Every number gets all three conversation types, every outbound status and every message type, so any number
/// can exercise every rendering path.
/// </summary>
internal static class HistoryGenerator
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private static readonly string[] FirstNames = ["Ana", "Bruno", "Carla", "Diego", "Eduarda", "Felipe", "Gabriela", "Henrique", "Isabela", "João", "Larissa", "Marcos", "Natália", "Otávio", "Paula", "Rafael", "Sofia", "Thiago", "Vanessa", "Wagner"];
    private static readonly string[] LastNames = ["Silva", "Souza", "Oliveira", "Santos", "Pereira", "Lima", "Costa", "Ferreira", "Almeida", "Ribeiro", "Carvalho", "Gomes"];
    private static readonly string[] GroupNames = ["Equipe de Vendas", "Clientes VIP", "Fornecedores", "Entregadores Zona Sul", "Turma do Sábado", "Parceiros"];
    private static readonly string[] ChannelNames = ["Ofertas da Semana", "Novidades e Lançamentos", "Avisos Importantes"];
    private static readonly string[] InboundTexts =
    [
        "Olá, ainda está disponível?", "Qual o horário de funcionamento?", "Vocês entregam no meu bairro?", "Obrigado pelo atendimento!",
        "Pode me mandar o orçamento?", "Qual o valor?", "Consigo agendar para amanhã às 10h?", "Recebi, tudo certo.",
        "Aceitam Pix?", "Meu pedido ainda não chegou.", "Bom dia! Gostaria de mais informações.", "Perfeito, pode confirmar.",
    ];
    private static readonly string[] OutboundTexts =
    [
        "Olá! Sua entrega chegou.", "Seu pedido foi confirmado.", "Bom dia! Como podemos ajudar?", "O orçamento segue em anexo.",
        "Seu horário está confirmado para amanhã às 10h.", "Aceitamos Pix, cartão e dinheiro.", "Funcionamos de segunda a sexta, das 8h às 18h.",
        "Seu pedido saiu para entrega.", "Lembrete: sua fatura vence amanhã.", "Obrigado pela preferência!",
    ];
    private static readonly string[] ChannelTexts = ["Promoção relâmpago só hoje!", "Novos produtos chegaram na loja.", "Atenção: horário especial no feriado."];
    private static readonly string[] Captions = ["Segue a foto", "Olha só", "Conforme combinado", "Veja o vídeo"];
    private static readonly string[] DocumentNames = ["Orçamento 1042.pdf", "Boleto Junho.pdf", "Contrato de Serviço.pdf", "Cardápio.pdf", "Nota Fiscal 5531.pdf"];
    private static readonly string[] Places = ["Rua das Flores, 123 - Centro, São Paulo", "Av. Afonso Pena, 1500 - Belo Horizonte", "Rua XV de Novembro, 700 - Curitiba"];
    private static readonly string[] Reactions = ["👍", "❤️", "😂", "🙏", "😮"];
    private static readonly string[] Failures =
    [
        "WHATSAPP_NOT_EXIST: the destination number is not on WhatsApp",
        "INVALID_DESTINATION: the destination is not a valid phone number",
        "DELIVERY_TIMEOUT: the provider did not confirm delivery in time",
        "EXPIRED_AFTER_ATTEMPTS: gave up after repeated delivery attempts",
    ];

    private static readonly (string Type, int Weight)[] TypeWeights =
        [("text", 60), ("image", 9), ("audio", 8), ("video", 4), ("document", 5), ("location", 3), ("contacts", 2), ("sticker", 4), ("reaction", 5)];

    public static NumberHistory Generate(SandboxNumber number, int seed, DateTimeOffset now)
    {
        var rng = new IdGenerator(IdGenerator.StableSeed(seed, number.Id));
        var anchor = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var isMeta = number.IsMeta;
        var evolutionProvider = rng.Chance(0.5) ? "EVO" : "EVO_GO";

        var threads = new List<ChatThread>();
        var conversationCount = rng.Random.Next(6, 17);
        for (var c = 0; c < conversationCount; c++)
        {
            threads.Add(NewThread(rng, c, anchor));
        }

        var drafts = threads.SelectMany(t => t.Drafts).ToList();
        EnsureEveryStatus(drafts.Where(d => !d.Inbound && d.Status != MessageValues.Queued).ToList());
        EnsureEveryType(drafts, drafts.Where(d => d.Thread.Type != MessageValues.Newsletter && d.Type == "text" && d.Status != MessageValues.Queued && d != d.Thread.Drafts[0]).ToList());

        var messages = new List<ChatMessage>(drafts.Count);
        var conversations = new List<Conversation>(threads.Count);
        foreach (var thread in threads)
        {
            string? previousExternalId = null;
            foreach (var draft in thread.Drafts)
            {
                var message = Build(rng, draft, number, isMeta, evolutionProvider, previousExternalId, anchor);
                previousExternalId = message.ExternalMessageId;
                messages.Add(message);
            }

            conversations.Add(Summarise(thread, messages[^1]));
        }

        messages.Sort((a, b) => b.ProviderTimestamp.CompareTo(a.ProviderTimestamp) is var byTime && byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id));
        conversations.Sort((a, b) => b.LastMessageAt.CompareTo(a.LastMessageAt));
        return new NumberHistory(messages, conversations);
    }

    private static ChatThread NewThread(IdGenerator rng, int index, DateTimeOffset anchor)
    {
        // The first three threads fix one of each type; the first also ends with a message just sent and still QUEUED.
        var type = index switch
        {
            0 => MessageValues.Direct,
            1 => MessageValues.Group,
            2 => MessageValues.Newsletter,
            _ => rng.Random.NextDouble() switch { < 0.75 => MessageValues.Direct, < 0.93 => MessageValues.Group, _ => MessageValues.Newsletter },
        };

        var contact = NewContact(rng);
        var thread = new ChatThread("conv_" + rng.Chars("abcdefghijklmnopqrstuvwxyz0123456789", 24), type, contact, type switch
        {
            MessageValues.Group => rng.Pick(GroupNames),
            MessageValues.Newsletter => rng.Pick(ChannelNames),
            _ => contact.Name,
        });
        if (type == MessageValues.Group)
        {
            thread.Members.AddRange(Enumerable.Range(0, rng.Random.Next(3, 7)).Select(_ => NewContact(rng)));
        }

        var last = index == 0
            ? anchor - TimeSpan.FromMinutes(rng.Random.Next(2, 30))
            : anchor - TimeSpan.FromMinutes(rng.Random.Next(5, 29 * 24 * 60));
        var times = new List<DateTimeOffset> { last };
        var count = rng.Random.Next(3, 29);
        for (var i = 1; i < count; i++)
        {
            // Exponential gaps (mean 6 h): bursts of chat with quiet stretches between them.
            var gap = TimeSpan.FromMinutes(Math.Max(1, -Math.Log(1 - rng.Random.NextDouble()) * 360));
            var previous = times[^1] - gap;
            if (previous < anchor - Window)
            {
                break;
            }

            times.Add(previous);
        }

        times.Reverse();
        foreach (var at in times)
        {
            var inbound = type switch
            {
                MessageValues.Newsletter => true,
                MessageValues.Group => rng.Chance(0.75),
                _ => rng.Chance(0.55),
            };
            var messageType = type == MessageValues.Newsletter ? rng.Pick((string[])["text", "text", "image", "video"]) : PickType(rng);
            var status = inbound ? MessageValues.Read : rng.Random.NextDouble() switch
            {
                < 0.15 => MessageValues.Sent,
                < 0.50 => MessageValues.Delivered,
                < 0.88 => MessageValues.Read,
                _ => MessageValues.Failed,
            };
            thread.Drafts.Add(new Draft(thread, at, inbound) { Type = messageType, Status = status });
        }

        if (index == 0)
        {
            thread.Drafts[^1] = new Draft(thread, thread.Drafts[^1].At, inbound: false) { Type = "text", Status = MessageValues.Queued };
        }

        // Some conversations have unread messages: their latest inbound ones are delivered but not read.
        var unread = rng.Chance(0.35) ? rng.Random.Next(1, 5) : 0;
        foreach (var draft in thread.Drafts.Where(d => d.Inbound).Reverse().Take(unread))
        {
            draft.Status = MessageValues.Delivered;
        }

        return thread;
    }

    private static void EnsureEveryStatus(List<Draft> outbound)
    {
        var missing = new[] { MessageValues.Sent, MessageValues.Delivered, MessageValues.Read, MessageValues.Failed }
            .Where(s => outbound.All(d => d.Status != s)).ToList();
        for (var i = 0; i < missing.Count && i < outbound.Count; i++)
        {
            outbound[i * 3 % outbound.Count].Status = missing[i];
        }
    }

    /// <summary>Turns a few text messages into the message types this number happens to lack.</summary>
    private static void EnsureEveryType(List<Draft> all, List<Draft> textCandidates)
    {
        var next = 0;
        foreach (var type in MessageValues.Types)
        {
            if (next < textCandidates.Count && all.All(d => d.Type != type))
            {
                textCandidates[next++].Type = type;
            }
        }
    }

    private static string PickType(IdGenerator rng)
    {
        var roll = rng.Random.Next(TypeWeights.Sum(t => t.Weight));
        foreach (var (type, weight) in TypeWeights)
        {
            if (roll < weight)
            {
                return type;
            }

            roll -= weight;
        }

        return "text";
    }

    private static ChatMessage Build(IdGenerator rng, Draft draft, SandboxNumber number, bool isMeta, string evolutionProvider, string? previousExternalId, DateTimeOffset anchor)
    {
        var id = "cm_" + rng.Chars("abcdefghijklmnopqrstuvwxyz0123456789", 24);
        var externalId = isMeta
            ? "wamid.HBgM" + rng.Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40)
            : "3EB0" + rng.Chars("0123456789ABCDEF", 18);
        var thread = draft.Thread;
        var participant = thread.Type switch
        {
            MessageValues.Direct => thread.Contact,
            MessageValues.Group when draft.Inbound => rng.Pick(thread.Members),
            _ => null,
        };
        var participantName = thread.Type == MessageValues.Newsletter ? thread.Title : participant?.Name;

        string? text = null;
        MessageMedia? media = null;
        string? repliedTo = null;
        var mediaProvider = isMeta ? "META" : evolutionProvider;
        string? MediaId() => isMeta ? rng.Digits(16) : null;
        string Url(string extension) => $"https://media.sandbox.invalid/{number.Id}/{id}.{extension}";

        switch (draft.Type)
        {
            case "text":
                text = thread.Type == MessageValues.Newsletter ? rng.Pick(ChannelTexts) : rng.Pick(draft.Inbound ? InboundTexts : OutboundTexts);
                break;
            case "image":
                text = rng.Chance(0.5) ? rng.Pick(Captions) : null;
                media = new MessageMedia(mediaProvider, MediaId(), Url("jpg"), "image/jpeg", null);
                break;
            case "audio":
                media = new MessageMedia(mediaProvider, MediaId(), Url("ogg"), "audio/ogg; codecs=opus", null);
                break;
            case "video":
                text = rng.Chance(0.5) ? rng.Pick(Captions) : null;
                media = new MessageMedia(mediaProvider, MediaId(), Url("mp4"), "video/mp4", null);
                break;
            case "document":
                var fileName = rng.Pick(DocumentNames);
                text = fileName;
                media = new MessageMedia(mediaProvider, MediaId(), Url("pdf"), "application/pdf", fileName);
                break;
            case "location":
                text = $"{rng.Pick(Places)} ({-23 - rng.Random.NextDouble():F5}, {-46 - rng.Random.NextDouble():F5})";
                break;
            case "contacts":
                var shared = NewContact(rng);
                text = $"{shared.Name}: {shared.Phone}";
                break;
            case "sticker":
                media = new MessageMedia(mediaProvider, MediaId(), Url("webp"), "image/webp", null);
                break;
            case "reaction":
                text = rng.Pick(Reactions);
                repliedTo = previousExternalId;
                break;
        }

        var at = draft.At;
        DateTimeOffset? sentAt = null, deliveredAt = null, readAt = null;
        string? error = null;
        switch (draft.Status)
        {
            case MessageValues.Sent:
                sentAt = at.AddSeconds(1);
                break;
            case MessageValues.Delivered:
                sentAt = draft.Inbound ? null : at.AddSeconds(1);
                deliveredAt = at.AddSeconds(draft.Inbound ? 1 : rng.Random.Next(2, 20));
                break;
            case MessageValues.Read:
                sentAt = draft.Inbound ? null : at.AddSeconds(1);
                deliveredAt = at.AddSeconds(draft.Inbound ? 1 : rng.Random.Next(2, 20));
                readAt = Min(at.AddMinutes(rng.Random.Next(1, 600)), anchor);
                break;
            case MessageValues.Failed:
                error = isMeta && draft.Type == "text" ? "META_OUTSIDE_24H_WINDOW: free-form text outside the 24h customer service window" : rng.Pick(Failures);
                break;
        }

        return new ChatMessage(
            id,
            thread.Id,
            draft.Inbound ? MessageValues.Inbound : MessageValues.Outbound,
            number.Definition.Provider,
            externalId,
            draft.Status,
            draft.Type,
            draft.Inbound ? null : number.Definition.Name,
            text,
            participantName,
            participant?.Phone,
            repliedTo,
            media,
            sentAt,
            deliveredAt,
            readAt,
            at,
            at.AddMilliseconds(500),
            error);
    }

    private static Conversation Summarise(ChatThread thread, ChatMessage last)
    {
        var first = thread.Drafts[0].At;
        return new Conversation(
            thread.Id,
            thread.Type == MessageValues.Direct ? thread.Contact.Phone : null,
            thread.Title,
            thread.Type == MessageValues.Direct ? thread.Contact.UserId : null,
            thread.Type == MessageValues.Direct ? thread.Contact.Username : null,
            thread.Type,
            thread.Drafts.Count(d => d.Inbound && d.Status != MessageValues.Read),
            last.ProviderTimestamp,
            first.AddMinutes(-5),
            Preview(last));
    }

    private static string? Preview(ChatMessage message) => message.MessageType switch
    {
        "image" => message.Text ?? "📷 Foto",
        "audio" => "🎤 Áudio",
        "video" => message.Text ?? "🎥 Vídeo",
        "document" => "📄 " + message.Media?.FileName,
        "location" => "📍 Localização",
        "contacts" => "👤 Contato",
        "sticker" => "Figurinha",
        "reaction" => $"Reagiu com {message.Text}",
        _ => message.Text,
    };

    private static Contact NewContact(IdGenerator rng)
    {
        var first = rng.Pick(FirstNames);
        var last = rng.Pick(LastNames);
        var phone = $"+55{rng.Pick((string[])["11", "21", "31", "41", "51", "71", "81"])}9{rng.Random.Next(6, 10)}{rng.Digits(7)}";
        var username = rng.Chance(0.4) ? NumberFactory.Slug($"{first}.{last}").Replace('-', '.') : null;
        return new Contact($"{first} {last}", phone, "BR." + rng.Digits(20), username);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Contact(string Name, string Phone, string UserId, string? Username);

    private sealed class ChatThread(string id, string type, Contact contact, string title)
    {
        public string Id { get; } = id;

        public string Type { get; } = type;

        public Contact Contact { get; } = contact;

        public string Title { get; } = title;

        public List<Contact> Members { get; } = [];

        public List<Draft> Drafts { get; } = [];
    }

    private sealed class Draft(ChatThread thread, DateTimeOffset at, bool inbound)
    {
        public ChatThread Thread { get; } = thread;

        public DateTimeOffset At { get; } = at;

        public bool Inbound { get; } = inbound;

        public required string Type { get; set; }

        public required string Status { get; set; }
    }
}
