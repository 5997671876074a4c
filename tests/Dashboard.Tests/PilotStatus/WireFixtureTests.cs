using System.Text.Json;
using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Analytics;
using Dashboard.Core.PilotStatus.Api;
using Dashboard.Core.PilotStatus.Messages;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Tests.PilotStatus;

/// <summary>Every JSON example of shared/pilot-status-api.md for the endpoints we call, plus the shapes the docs disagree on.</summary>
public class WireFixtureTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, PilotStatusJson.Options)!;

    [Fact]
    public void Number_list_example_maps_to_numbers_with_masked_key_hints()
    {
        const string json = """
            [
              {
                "id": "num_01HZX...",
                "instanceName": "tenant-5511999999999",
                "number": "5511999999999",
                "name": "Suporte",
                "provider": "PILOT_STATUS",
                "apiKeys": [ { "name": "Default", "keyPrefix": "ps_abcd", "keyLast4": "wxyz" } ],
                "state": "OPEN",
                "isFullyConnected": true,
                "createdAt": "2026-06-01T11:59:00.000Z",
                "updatedAt": "2026-06-01T12:00:00.000Z"
              }
            ]
            """;

        var number = Assert.Single(Read<List<NumberWire>>(json).Select(n => NumberMapping.ToNumber(n)));

        Assert.Equal("num_01HZX...", number.Id);
        Assert.Equal("tenant-5511999999999", number.InstanceName);
        Assert.Equal("+5511999999999", number.Phone);
        Assert.Equal("Suporte", number.Name);
        Assert.True(number.Provider.IsPilotStatus);
        Assert.True(number.State.IsOpen);
        Assert.True(number.Ready);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 59, 0, TimeSpan.Zero), number.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), number.UpdatedAt);
        Assert.Equal(new ApiKeyHint("Default", "ps_abcd…wxyz"), Assert.Single(number.ApiKeys));
    }

    [Fact]
    public void Meta_number_detail_example_maps_health_and_meta()
    {
        const string json = """
            {
              "id": "wa_abc",
              "number": "5511999999999",
              "name": "My WhatsApp",
              "provider": "META",
              "state": "OPEN",
              "isFullyConnected": true,
              "createdAt": "2026-02-24T15:00:00.000Z",
              "updatedAt": "2026-06-30T09:18:33.000Z",
              "health": {
                "qualityRating": "GREEN",
                "messagingLimitTier": "TIER_2K",
                "metaStatus": "CONNECTED",
                "sendable": true
              },
              "meta": {
                "fetchedAt": "2026-06-30T09:18:33.000Z",
                "phone": {
                  "displayPhoneNumber": "+55 11 99999-9999",
                  "verifiedName": "Acme LTDA",
                  "qualityRating": "GREEN",
                  "messagingLimitTier": "TIER_2K",
                  "isPinEnabled": true
                },
                "profile": {
                  "about": "8h-18h",
                  "email": "contato@acme.com",
                  "websites": ["https://acme.com"],
                  "vertical": "RETAIL"
                },
                "waba": {
                  "id": "1029384756",
                  "name": "Acme WABA",
                  "currency": "BRL",
                  "businessVerificationStatus": "verified",
                  "country": "BR"
                }
              }
            }
            """;

        var detail = NumberMapping.ToDetail(Read<NumberWire>(json), "wa_abc");

        Assert.Equal("wa_abc", detail.Number.Id);
        Assert.True(detail.Number.Provider.IsMeta);
        Assert.False(detail.Number.Provider.SupportsQrConnect);
        Assert.Equal("+5511999999999", detail.Number.Phone);
        Assert.Null(detail.Number.InstanceName);
        Assert.Empty(detail.Number.ApiKeys);
        Assert.Equal(new NumberHealth("GREEN", "TIER_2K", "CONNECTED", true), detail.Health);
        var meta = Assert.IsType<MetaSnapshot>(detail.Meta);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 9, 18, 33, TimeSpan.Zero), meta.FetchedAt);
        Assert.Equal(new MetaPhone("+55 11 99999-9999", "Acme LTDA", "GREEN", "TIER_2K", true), meta.Phone);
        Assert.Equal("8h-18h", meta.Profile!.About);
        Assert.Equal("contato@acme.com", meta.Profile.Email);
        Assert.Equal(["https://acme.com"], meta.Profile.Websites);
        Assert.Equal("RETAIL", meta.Profile.Vertical);
        Assert.Equal(new MetaWaba("1029384756", "Acme WABA", "BRL", "verified", "BR"), meta.Waba);
    }

    [Fact]
    public void Qr_number_detail_has_null_meta()
    {
        const string json = """
            { "id": "wa_qr", "number": "5511888888888", "name": "Vendas", "provider": "PILOT_STATUS", "state": "CLOSE", "isFullyConnected": false, "meta": null }
            """;

        var detail = NumberMapping.ToDetail(Read<NumberWire>(json), "wa_qr");

        Assert.Null(detail.Meta);
        Assert.Null(detail.Health);
        Assert.True(detail.Number.State.IsClosed);
        Assert.False(detail.Number.Ready);
    }

    [Fact]
    public void Create_request_matches_the_documented_body_and_never_links_the_key()
    {
        var json = JsonSerializer.SerializeToElement(new CreateNumberBody("My WhatsApp", "+5511999999999"), PilotStatusJson.Options);

        Assert.Equal(["name", "number", "linkToApiKey"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("My WhatsApp", json.GetProperty("name").GetString());
        Assert.Equal("+5511999999999", json.GetProperty("number").GetString());
        Assert.False(json.GetProperty("linkToApiKey").GetBoolean());
    }

    [Fact]
    public void Create_response_reads_instance_qr_pairing_code_and_linked_key()
    {
        const string json = """
            {
              "instance": { "id": "wa_new", "instanceName": "PS-tenant-xxx", "number": "5511999999999", "name": "My WhatsApp", "state": "CONNECTING" },
              "qrcodeBase64": "data:image/png;base64,iVBORw0KGgo...",
              "pairingCode": "ABCD-1234",
              "linkedApiKeyId": null
            }
            """;

        var created = NumberMapping.ToCreated(Read<CreatedNumberWire>(json));

        Assert.Equal("wa_new", created.Id);
        Assert.Equal("PS-tenant-xxx", created.InstanceName);
        Assert.Equal("+5511999999999", created.Phone);
        Assert.Equal("My WhatsApp", created.Name);
        Assert.True(created.State.IsConnecting);
        Assert.Equal(new ConnectCode("data:image/png;base64,iVBORw0KGgo...", "ABCD-1234"), created.Connect);
        Assert.Null(created.LinkedApiKeyId);
    }

    [Fact]
    public void Create_response_tolerates_a_null_pairing_code_and_bare_base64()
    {
        const string json = """{ "instance": { "id": "wa_new" }, "qrcodeBase64": "iVBORw0KGgo", "pairingCode": null, "linkedApiKeyId": "key_1" }""";

        var created = NumberMapping.ToCreated(Read<CreatedNumberWire>(json));

        Assert.Equal("data:image/png;base64,iVBORw0KGgo", created.Connect.QrDataUri);
        Assert.Null(created.Connect.PairingCode);
        Assert.Equal("key_1", created.LinkedApiKeyId);
        Assert.False(created.State.IsKnown);
    }

    [Fact]
    public void Connect_example_gives_a_data_uri_and_pairing_code()
    {
        const string json = """{ "qrcodeBase64": "data:image/png;base64,iVBORw0KGgo...", "pairingCode": "ABCD-1234" }""";

        var code = NumberMapping.ToConnectCode(Read<ConnectWire>(json));

        Assert.Equal("data:image/png;base64,iVBORw0KGgo...", code.QrDataUri);
        Assert.Equal("ABCD-1234", code.PairingCode);
    }

    [Fact]
    public void Connect_response_without_any_code_is_malformed()
    {
        Assert.Throws<WireFormatException>(() => NumberMapping.ToConnectCode(Read<ConnectWire>("""{ "qrcodeBase64": null }""")));
    }

    [Theory]
    [InlineData("""{ "state": "OPEN", "isFullyConnected": true }""", "OPEN", true)] // HTML docs
    [InlineData("""{ "id": "wa_abc", "state": "OPEN" }""", "OPEN", true)] // .md docs: no flag, state decides
    [InlineData("""{ "id": "wa_abc", "state": "CONNECTING" }""", "CONNECTING", false)]
    [InlineData("""{ "state": "CLOSE", "isFullyConnected": false }""", "CLOSE", false)]
    [InlineData("""{ "state": "OPEN", "isFullyConnected": false }""", "OPEN", false)] // the flag wins when present
    [InlineData("""{ "state": "SYNCING", "extra": { "a": 1 } }""", "SYNCING", false)] // unknown state and member
    public void Live_status_accepts_both_documented_shapes(string json, string state, bool ready)
    {
        var at = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);

        var status = NumberMapping.ToLiveStatus(Read<StatusWire>(json), "wa_abc", at);

        Assert.Equal(new LiveStatus("wa_abc", new NumberState(state), ready, at), status);
    }

    [Fact]
    public void Delete_example_reads_ok()
    {
        Assert.True(Read<DeletedWire>("""{ "ok": true }""").Ok);
    }

    [Fact]
    public void Remote_pairing_guide_shape_takes_id_from_instance_and_token_from_the_url()
    {
        const string json = """
            {
              "instance": { "id": "wa_abc", "instanceName": "PS-tenant-xxx", "number": "5511999999999", "name": "Customer João", "state": "CLOSE" },
              "remotePairingUrl": "https://pilotstatus.com/connect/abc123-def456-...",
              "maskedNumber": "+551199****9999",
              "messageSent": false
            }
            """;

        var link = NumberMapping.ToPairingLink(Read<RemotePairingWire>(json));

        Assert.Equal(new Uri("https://pilotstatus.com/connect/abc123-def456-..."), link.Url);
        Assert.Equal("abc123-def456-...", link.Token);
        Assert.Equal("wa_abc", link.NumberId);
        Assert.Equal("+551199****9999", link.MaskedNumber);
        Assert.False(link.MessageSent);
        Assert.Null(link.MessageError);
    }

    [Fact]
    public void Remote_pairing_playground_shape_takes_token_and_number_id_fields()
    {
        const string json = """
            {
              "provider": "PILOT_STATUS",
              "remotePairingToken": "rp_01HZX...",
              "remotePairingUrl": "https://pilotstatus.com.br/connect/rp_01HZX...",
              "numberId": "num_01HZX..."
            }
            """;

        var link = NumberMapping.ToPairingLink(Read<RemotePairingWire>(json));

        Assert.Equal("rp_01HZX...", link.Token);
        Assert.Equal("num_01HZX...", link.NumberId);
        Assert.Null(link.MaskedNumber);
        Assert.False(link.MessageSent);
    }

    [Fact]
    public void Remote_pairing_keeps_the_send_error()
    {
        const string json = """{ "remotePairingUrl": "https://connect.pilotstatus.com.br/connect/5f1d", "messageSent": false, "messageError": "Template not found" }""";

        var link = NumberMapping.ToPairingLink(Read<RemotePairingWire>(json));

        Assert.Equal("5f1d", link.Token);
        Assert.Null(link.NumberId);
        Assert.Equal("Template not found", link.MessageError);
    }

    [Fact]
    public void Remote_pairing_without_a_url_is_malformed()
    {
        Assert.Throws<WireFormatException>(() => NumberMapping.ToPairingLink(Read<RemotePairingWire>("""{ "numberId": "n1" }""")));
    }

    [Fact]
    public void Api_keys_example_gives_the_revealable_key_and_asks_to_regenerate_a_legacy_one()
    {
        const string json = """
            [
              { "numberId": "wn_1", "number": "5511999999999", "displayName": "Suporte", "keyId": "k_aaa", "keyLast4": "wxyz", "key": "ps_4f1c...real...wxyz", "revealable": true },
              { "numberId": "wn_2", "number": "5511888888888", "displayName": "Vendas",  "keyId": "k_bbb", "keyLast4": "abcd", "key": null, "revealable": false }
            ]
            """;

        var book = NumberKeyBook.From(Read<List<ApiKeyItemWire>>(json));

        var usable = book.Find("wn_1");
        Assert.True(usable.Succeeded);
        Assert.Equal("ps_4f1c...real...wxyz", usable.Value.Secret);
        Assert.DoesNotContain("ps_4f1c", usable.Value.ToString());
        Assert.DoesNotContain("ps_4f1c", book.ToString());

        var legacy = book.Find("wn_2");
        Assert.Equal(ApiFailureKind.Forbidden, legacy.Failure!.Kind);
        Assert.Contains("must be regenerated in Pilot Status", legacy.Failure.Message);

        Assert.Equal(ApiFailureKind.Forbidden, book.Find("wn_9").Failure!.Kind);
    }

    [Fact]
    public void History_example_maps_every_field()
    {
        const string json = """
            {
              "messages": [
                {
                  "id": "cm_01HZX...",
                  "conversationId": "conv_01HZX...",
                  "direction": "INBOUND",
                  "providerKind": "PILOT_STATUS",
                  "externalMessageId": "wamid.HBg...",
                  "status": "DELIVERED",
                  "messageType": "text",
                  "origin": null,
                  "text": "Olá, ainda está disponível?",
                  "participantName": "Ana",
                  "participantPhone": "+5511988887777",
                  "repliedToExternalId": null,
                  "media": null,
                  "sentAt": null,
                  "deliveredAt": "2026-06-27T10:00:01.000Z",
                  "readAt": null,
                  "providerTimestamp": "2026-06-27T10:00:00.000Z",
                  "createdAt": "2026-06-27T10:00:00.500Z"
                }
              ],
              "total": 1,
              "page": 1,
              "pageSize": 30,
              "totalPages": 1
            }
            """;

        var page = MessageMapping.ToPage(Read<MessageHistoryWire>(json), new PageRequest());

        Assert.Equal((1, 1, 30, 1), (page.Total, page.Page, page.PageSize, page.TotalPages));
        Assert.False(page.IsPiiRelayOnly);
        var message = Assert.Single(page.Messages);
        Assert.Equal("cm_01HZX...", message.Id);
        Assert.Equal("conv_01HZX...", message.ConversationId);
        Assert.True(message.IsInbound);
        Assert.Equal("PILOT_STATUS", message.ProviderKind);
        Assert.Equal("wamid.HBg...", message.ExternalMessageId);
        Assert.Equal("DELIVERED", message.Status);
        Assert.Equal("text", message.MessageType);
        Assert.Null(message.Origin);
        Assert.Equal("Olá, ainda está disponível?", message.Text);
        Assert.Equal("Ana", message.ParticipantName);
        Assert.Equal("+5511988887777", message.ParticipantPhone);
        Assert.Null(message.RepliedToExternalId);
        Assert.Null(message.Media);
        Assert.Null(message.SentAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 27, 10, 0, 1, TimeSpan.Zero), message.DeliveredAt);
        Assert.Null(message.ReadAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 27, 10, 0, 0, TimeSpan.Zero), message.ProviderTimestamp);
        Assert.Equal(new DateTimeOffset(2026, 6, 27, 10, 0, 0, 500, TimeSpan.Zero), message.CreatedAt);
    }

    [Fact]
    public void History_keeps_media_and_unknown_status_text()
    {
        const string json = """
            { "messages": [ { "id": "m2", "direction": "OUTBOUND", "status": "PLAYED", "messageType": "sticker",
                              "media": { "provider": "META", "id": "med_1", "url": null, "mimeType": "image/webp", "fileName": null, "sha": "x" } } ],
              "total": 1, "page": 1, "pageSize": 30, "totalPages": 1, "cursor": "ignored" }
            """;

        var message = Assert.Single(MessageMapping.ToPage(Read<MessageHistoryWire>(json), new PageRequest()).Messages);

        Assert.False(message.IsInbound);
        Assert.Equal("PLAYED", message.Status);
        Assert.Equal(new MessageMedia("META", "med_1", null, "image/webp", null), message.Media);
    }

    [Fact]
    public void History_in_relay_only_mode_is_an_empty_page_with_the_notice()
    {
        const string json = """{ "messages": [], "total": 0, "notice": "PII_RELAY_ONLY" }""";

        var page = MessageMapping.ToPage(Read<MessageHistoryWire>(json), new PageRequest(Page: 2, PageSize: 50));

        Assert.Empty(page.Messages);
        Assert.True(page.IsPiiRelayOnly);
        Assert.Equal("PII_RELAY_ONLY", page.Notice);
        Assert.Equal((0, 2, 50, 0), (page.Total, page.Page, page.PageSize, page.TotalPages));
    }

    [Fact]
    public void Conversations_example_maps_every_field()
    {
        const string json = """
            {
              "conversations": [
                {
                  "id": "conv_01HZX...",
                  "from": "+5511988887777",
                  "fromName": "Ana",
                  "userId": "BR.13491208655302741918",
                  "username": "ana",
                  "type": "DIRECT",
                  "unreadCount": 2,
                  "lastMessageAt": "2026-06-27T10:00:00.000Z",
                  "lastMessagePreview": "Olá! Sua entrega chegou."
                }
              ],
              "total": 1,
              "page": 1,
              "pageSize": 30,
              "totalPages": 1
            }
            """;

        var page = MessageMapping.ToPage(Read<ConversationListWire>(json), new PageRequest());

        var conversation = Assert.Single(page.Conversations);
        Assert.Equal(new Conversation(
            "conv_01HZX...", "DIRECT", "+5511988887777", "Ana", "BR.13491208655302741918", "ana", 2,
            new DateTimeOffset(2026, 6, 27, 10, 0, 0, TimeSpan.Zero), "Olá! Sua entrega chegou.", null), conversation);
        Assert.Equal((1, 1, 30, 1), (page.Total, page.Page, page.PageSize, page.TotalPages));
        Assert.False(page.IsPiiRelayOnly);
    }

    [Fact]
    public void Conversations_accept_group_rows_with_nulls_and_relay_only_notice()
    {
        const string group = """
            { "conversations": [ { "id": "c_g", "type": "GROUP", "from": null, "fromName": null, "userId": null, "username": null,
                                   "unreadCount": 0, "lastMessageAt": "2026-06-27T10:00:00Z", "createdAt": "2026-06-01T00:00:00Z" } ],
              "total": 1, "page": 1, "pageSize": 30, "totalPages": 1 }
            """;
        const string relayOnly = """{ "conversations": [], "total": 0, "notice": "PII_RELAY_ONLY" }""";

        var row = Assert.Single(MessageMapping.ToPage(Read<ConversationListWire>(group), new PageRequest()).Conversations);
        var empty = MessageMapping.ToPage(Read<ConversationListWire>(relayOnly), new PageRequest());

        Assert.Equal("GROUP", row.Type);
        Assert.Null(row.From);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), row.CreatedAt);
        Assert.True(empty.IsPiiRelayOnly);
        Assert.Empty(empty.Conversations);
    }

    [Fact]
    public void Analytics_example_maps_kpis_series_and_distribution()
    {
        const string json = """
            {
              "totalSent": 120,
              "totalFailed": 3,
              "sentPercentChange": 0,
              "failedPercentChange": 0,
              "failureRate": 2.44,
              "dailyMessages": [
                { "date": "2026-02-24", "count": 10 },
                { "date": "2026-02-25", "count": 40 }
              ],
              "statusDistribution": { "queued": 10.0, "sent": 80.0, "failed": 2.5, "read": 7.5 }
            }
            """;

        var analytics = AnalyticsMapping.ToAnalytics(Read<AnalyticsWire>(json));

        Assert.Equal((120, 3, 0d, 0d, 2.44), (analytics.TotalSent, analytics.TotalFailed, analytics.SentPercentChange, analytics.FailedPercentChange, analytics.FailureRate));
        Assert.Equal([new DailyCount(new DateOnly(2026, 2, 24), 10), new DailyCount(new DateOnly(2026, 2, 25), 40)], analytics.DailyMessages);
        Assert.Equal(80.0, analytics.StatusDistribution["sent"]);
        Assert.Equal(4, analytics.StatusDistribution.Count);
    }

    [Fact]
    public void Unknown_enum_values_stay_as_text()
    {
        const string json = """[ { "id": "n1", "provider": "EVOLUTION_GO", "state": "QR_PENDING" } ]""";

        var number = NumberMapping.ToNumber(Read<List<NumberWire>>(json)[0]);

        Assert.False(number.State.IsKnown);
        Assert.Equal("QR_PENDING", number.State.Value);
        Assert.Equal("Unknown (QR_PENDING)", number.State.DisplayName);
        Assert.False(number.Ready);
        Assert.Equal("EVOLUTION_GO", number.Provider.Value);
        Assert.False(number.Provider.IsMeta);
        Assert.False(number.Provider.IsPilotStatus);
    }

    [Fact]
    public void Unknown_members_are_ignored_and_nulls_accepted()
    {
        const string json = """
            [ { "id": "n1", "instanceName": null, "number": null, "name": null, "provider": null, "apiKeys": null,
                "state": null, "isFullyConnected": null, "createdAt": null, "updatedAt": null,
                "primaryLink": "https://x", "secondaryLink": { "deep": [1, 2, { "a": null }] }, "webhookCount": 3 } ]
            """;

        var number = NumberMapping.ToNumber(Read<List<NumberWire>>(json)[0]);

        Assert.Equal(new WhatsAppNumber("n1", null, null, null, default, default, false, null, null, number.ApiKeys), number);
        Assert.Empty(number.ApiKeys);
        Assert.Equal("Unknown", number.State.DisplayName);
    }

    [Fact]
    public void A_key_prefix_longer_than_documented_is_cut_so_no_key_reaches_the_screen()
    {
        const string json = """[ { "id": "n1", "apiKeys": [ { "name": "Default", "keyPrefix": "ps_abcdefghijklmnop", "keyLast4": "wxyz" }, { "name": null } ] } ]""";

        var hints = NumberMapping.ToNumber(Read<List<NumberWire>>(json)[0]).ApiKeys;

        Assert.Equal("ps_abcd…wxyz", hints[0].Hint);
        Assert.Equal("ps_…????", hints[1].Hint);
    }

    [Fact]
    public void A_listed_number_without_an_id_is_malformed()
    {
        var wire = Read<List<NumberWire>>("""[ { "name": "no id" } ]""")[0];

        var error = Assert.Throws<WireFormatException>(() => NumberMapping.ToNumber(wire));
        Assert.Contains("number id", error.Message);
    }

    [Fact]
    public void A_wrongly_typed_member_does_not_parse()
    {
        Assert.Throws<JsonException>(() => Read<StatusWire>("""{ "state": "OPEN", "isFullyConnected": "maybe" }"""));
    }

    [Theory]
    [InlineData("""{ "error": "Validation error" }""", "Validation error", null)]
    [InlineData("""{ "error": "Groups are not available for Meta numbers", "code": "NOT_SUPPORTED_FOR_META" }""", "Groups are not available for Meta numbers", "NOT_SUPPORTED_FOR_META")]
    [InlineData("""{ "code": "TEMPLATE_EXAMPLES_REQUIRED", "details": { "missing": ["body"] }, "error": "Examples required" }""", "Examples required", "TEMPLATE_EXAMPLES_REQUIRED")]
    public void Error_bodies_parse_with_or_without_code(string json, string error, string? code)
    {
        var body = Read<ErrorWire>(json);

        Assert.Equal(error, body.Error);
        Assert.Equal(code, body.Code);
    }
}
