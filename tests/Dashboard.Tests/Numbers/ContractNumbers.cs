using Dashboard.Core.PilotStatus;
using Dashboard.Core.PilotStatus.Numbers;

namespace Dashboard.Tests.Numbers;

/// <summary>The numbers of the API contract's JSON examples (pilot-status-api.md §3.1), as the client maps them.</summary>
internal static class ContractNumbers
{
    public const string QrId = "num_01HZXQRSUPORTE";
    public const string MetaId = "wa_abc";

    /// <summary>The <c>GET /v1/numbers</c> example: a QR-paired number with one API key.</summary>
    public static WhatsAppNumber Qr(string id = QrId, string phone = "+5511999999999") => new(
        id,
        "Suporte",
        "tenant-5511999999999",
        phone,
        new NumberProvider("PILOT_STATUS"),
        NumberState.Open,
        true,
        DateTimeOffset.Parse("2026-06-01T11:59:00Z"),
        DateTimeOffset.Parse("2026-06-01T12:00:00Z"),
        [new ApiKeyHint("Default", "ps_abcd…wxyz")]);

    public static NumberDetail QrDetail(string id = QrId) => new(Qr(id) with { InstanceName = null, ApiKeys = [] }, null, null);

    /// <summary>The Meta number as the list shows it; the detail call adds health and the Graph snapshot.</summary>
    public static WhatsAppNumber Meta() => new(
        MetaId,
        "My WhatsApp",
        null,
        "+5511999999999",
        new NumberProvider("META"),
        NumberState.Open,
        true,
        DateTimeOffset.Parse("2026-02-24T15:00:00Z"),
        DateTimeOffset.Parse("2026-06-30T09:18:33Z"),
        []);

    /// <summary>The <c>GET /v1/numbers/{id}</c> example for a Meta number.</summary>
    public static NumberDetail MetaDetail() => new(
        Meta(),
        new NumberHealth("GREEN", "TIER_2K", "CONNECTED", true),
        new MetaSnapshot(
            DateTimeOffset.Parse("2026-06-30T09:18:33Z"),
            new MetaPhone("+55 11 99999-9999", "Acme LTDA", "GREEN", "TIER_2K", true),
            new MetaBusinessProfile("8h-18h", "contato@acme.com", ["https://acme.com"], "RETAIL"),
            new MetaWaba("1029384756", "Acme WABA", "BRL", "verified", "BR")));

    public static ApiResult<NumberDetail> Found(NumberDetail detail) => ApiResult.Success(detail);
}
