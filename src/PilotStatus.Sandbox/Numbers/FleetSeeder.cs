namespace PilotStatus.Sandbox;

/// <summary>
/// Builds the starting fleet from the seed. The first eight numbers are fixed cases (every state, both providers,
/// the RELAY_ONLY number, a legacy key, an unhealthy Meta number) so small fleets cover them; the rest are drawn at random.
/// The other tenant is drawn first, so the first tenant's numbers are the same whatever the fleet size.
/// </summary>
internal static class FleetSeeder
{
    private static readonly string[] Customers =
    [
        "Padaria Estrela", "Clínica Sorriso", "Auto Peças Rocha", "Farmácia Vida Boa",
        "Imobiliária Horizonte", "Pet Shop Amigo Fiel", "Escola Saber Mais", "Restaurante Sabor Mineiro",
    ];

    private static readonly string[] Verticals = ["RETAIL", "HEALTH", "AUTOMOTIVE", "HEALTH", "PROF_SERVICES", "RETAIL", "EDU", "RESTAURANT"];

    private static readonly string[] Departments = ["Vendas", "Suporte", "Financeiro", "Atendimento", "Entregas", "Agendamento", "Cobrança", "Marketing"];

    private static readonly string[] OtherTenantNames = ["Oficina Torque · Atendimento", "Oficina Torque · Orçamentos", "Oficina Torque · Peças"];

    private static readonly string[] AreaCodes = ["11", "21", "31", "41", "51", "61", "71", "81", "91", "19", "27", "47", "48", "62", "85", "13"];

    private static readonly string[] Tiers = ["TIER_250", "TIER_1K", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"];

    public static Fleet Seed(int seed, int fleetSize, Tenant primary, Tenant other, NumberFactory factory, DateTimeOffset now)
    {
        var ids = new IdGenerator(seed);
        var phoneNumbers = new HashSet<string>();
        var numbers = new List<SandboxNumber>(fleetSize + OtherTenantNames.Length);

        for (var i = 0; i < OtherTenantNames.Length; i++)
        {
            var state = i == 2 ? ConnectionState.Close : ConnectionState.Open;
            numbers.Add(factory.Create(ids, other, OtherTenantNames[i], NewPhoneNumber(ids, phoneNumbers), state, now.AddDays(-90 + i), now.AddHours(-i)));
        }

        var spacing = TimeSpan.FromMinutes(Math.Max(1, 400 * 24 * 60 / fleetSize));
        for (var i = 0; i < fleetSize; i++)
        {
            var customer = i % Customers.Length;
            var name = $"{Customers[customer]} · {Departments[i / Customers.Length % Departments.Length]}";
            if (i >= Customers.Length * Departments.Length)
            {
                name += $" {(i / (Customers.Length * Departments.Length)) + 1}";
            }

            var phone = NewPhoneNumber(ids, phoneNumbers);
            var (state, isMeta, health) = Shape(i, ids);
            var piiMode = i == 4 ? PiiMode.RelayOnly : PiiMode.StoreIndefinite;
            var revealable = i != 5 && (i < 8 || !ids.Chance(0.1));
            var meta = isMeta ? NewMetaProfile(ids, customer, phone, health) : null;
            var createdAt = now - spacing * (fleetSize - i);

            // A seeded attempt starts now so that its codes are scannable; settled states date from some time ago.
            var since = state == ConnectionState.Connecting ? now : now - TimeSpan.FromMinutes(ids.Random.Next(10, 3 * 24 * 60));
            if (since < createdAt)
            {
                since = createdAt;
            }

            numbers.Add(factory.Create(ids, primary, name, phone, state, createdAt, since, piiMode, meta, revealable));
        }

        var fleet = new Fleet(new IdGenerator(IdGenerator.StableSeed(seed, "runtime")));
        fleet.AddSeeded(numbers);
        return fleet;
    }

    private static (ConnectionState State, bool IsMeta, MetaHealth? Health) Shape(int index, IdGenerator ids)
    {
        switch (index)
        {
            case 0: return (ConnectionState.Open, false, null);
            case 1: return (ConnectionState.Close, false, null);
            case 2: return (ConnectionState.Connecting, false, null);
            case 3: return (ConnectionState.Open, true, new MetaHealth("GREEN", "TIER_2K", "CONNECTED", true));
            case 4: return (ConnectionState.Open, false, null);
            case 5: return (ConnectionState.Open, false, null);
            case 6: return (ConnectionState.Open, true, new MetaHealth("RED", "TIER_250", "FLAGGED", false));
            case 7: return (ConnectionState.Close, true, new MetaHealth("YELLOW", "TIER_1K", "DISCONNECTED", false));
        }

        if (ids.Chance(0.12))
        {
            var open = ids.Chance(0.85);
            var quality = ids.Chance(0.8) ? "GREEN" : "YELLOW";
            var health = open
                ? new MetaHealth(quality, ids.Pick(Tiers), "CONNECTED", true)
                : new MetaHealth(quality, ids.Pick(Tiers), "DISCONNECTED", false);
            return (open ? ConnectionState.Open : ConnectionState.Close, true, health);
        }

        var roll = ids.Random.NextDouble();
        var state = roll < 0.65 ? ConnectionState.Open : roll < 0.87 ? ConnectionState.Close : ConnectionState.Connecting;
        return (state, false, null);
    }

    private static MetaProfile NewMetaProfile(IdGenerator ids, int customer, string phone, MetaHealth? health)
    {
        health ??= new MetaHealth("GREEN", "TIER_1K", "CONNECTED", true);
        var company = Customers[customer];
        var slug = NumberFactory.Slug(company);
        return new MetaProfile(
            health,
            new MetaPhone(NumberFactory.DisplayPhoneNumber(phone), $"{company} LTDA", health.QualityRating, health.MessagingLimitTier, ids.Chance(0.7)),
            new MetaBusinessProfile("Seg a Sex, 8h-18h · Sáb 8h-12h", $"contato@{slug}.com.br", [$"https://{slug}.com.br"], Verticals[customer]),
            new MetaWaba(ids.Digits(15), $"{company} WABA", "BRL", ids.Chance(0.8) ? "verified" : "pending", "BR"));
    }

    /// <summary>A Brazilian mobile number: 55, a real area code, then 9 and eight digits.</summary>
    internal static string NewPhoneNumber(IdGenerator ids, HashSet<string> taken)
    {
        while (true)
        {
            var candidate = $"55{ids.Pick(AreaCodes)}9{ids.Random.Next(6, 10)}{ids.Digits(7)}";
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
