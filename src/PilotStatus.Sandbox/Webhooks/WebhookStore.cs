namespace PilotStatus.Sandbox;

/// <summary>A webhook as the sandbox keeps it: one number, a signing secret that no endpoint returns, and its delivery log.</summary>
internal sealed class SandboxWebhook(string id, Tenant tenant, SandboxNumber number, string secret, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public Tenant Tenant { get; } = tenant;

    public SandboxNumber Number { get; } = number;

    public string Secret { get; } = secret;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    // The mutable part is only touched under the store's lock.
    public required string Name { get; set; }

    public required string Url { get; set; }

    public bool Active { get; set; } = true;

    public IReadOnlyList<string> Events { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastTriggered { get; set; }

    /// <summary>Newest first, at most <see cref="WebhookStore.MaxLogsPerWebhook"/>.</summary>
    public List<WebhookLogResponse> Logs { get; } = [];

    /// <summary>Contract §3.4: an empty list dispatches nothing, <c>*</c> everything; health events only arrive with <c>*</c>.</summary>
    public bool Wants(string eventName) =>
        Active && (Events.Contains(WebhookValues.All) || (!WebhookValues.IsHealth(eventName) && Events.Contains(eventName)));
}

/// <summary>Every webhook of every tenant, behind one lock. Reads hand out copies (<see cref="WebhookResponse"/>, log lists).</summary>
internal sealed class WebhookStore(TimeProvider clock, int seed)
{
    public const int MaxLogsPerWebhook = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxWebhook> _byId = new(StringComparer.Ordinal);
    private readonly IdGenerator _ids = new(IdGenerator.StableSeed(seed, "webhooks"));

    public WebhookResponse Create(Tenant tenant, SandboxNumber number, string name, string url, IReadOnlyList<string> events, bool active)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var webhook = new SandboxWebhook("wh_" + _ids.Chars("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24), tenant, number, "whsec_" + _ids.Chars("abcdef0123456789", 32), now)
            {
                Name = name,
                Url = url,
                Events = events,
                Active = active,
                UpdatedAt = now,
            };
            _byId.Add(webhook.Id, webhook);
            return Describe(webhook);
        }
    }

    /// <summary>The webhook if <paramref name="tenant"/> may see it (and, for a number key, if it belongs to <paramref name="onlyNumber"/>).</summary>
    public WebhookResponse? Find(string id, Tenant tenant, SandboxNumber? onlyNumber)
    {
        lock (_gate)
        {
            return Visible(id, tenant, onlyNumber) is { } webhook ? Describe(webhook) : null;
        }
    }

    public IReadOnlyList<WebhookResponse> List(Tenant tenant, SandboxNumber? onlyNumber)
    {
        lock (_gate)
        {
            return _byId.Values
                .Where(w => w.Tenant == tenant && (onlyNumber is null || w.Number == onlyNumber))
                .OrderBy(w => w.CreatedAt)
                .ThenBy(w => w.Id, StringComparer.Ordinal)
                .Select(Describe)
                .ToList();
        }
    }

    public WebhookResponse? Update(string id, Tenant tenant, SandboxNumber? onlyNumber, string? name, string? url, IReadOnlyList<string>? events, bool? active)
    {
        lock (_gate)
        {
            if (Visible(id, tenant, onlyNumber) is not { } webhook)
            {
                return null;
            }

            webhook.Name = name ?? webhook.Name;
            webhook.Url = url ?? webhook.Url;
            webhook.Events = events ?? webhook.Events; // A full replacement, never a merge.
            webhook.Active = active ?? webhook.Active;
            webhook.UpdatedAt = clock.GetUtcNow();
            return Describe(webhook);
        }
    }

    /// <summary>Removes the webhook and its delivery log for good.</summary>
    public bool Delete(string id, Tenant tenant, SandboxNumber? onlyNumber)
    {
        lock (_gate)
        {
            return Visible(id, tenant, onlyNumber) is not null && _byId.Remove(id);
        }
    }

    public IReadOnlyList<WebhookLogResponse>? Logs(string id, Tenant tenant, SandboxNumber? onlyNumber, int limit, string? eventName)
    {
        lock (_gate)
        {
            return Visible(id, tenant, onlyNumber) is { } webhook
                ? webhook.Logs.Where(l => eventName is null || l.Event == eventName).Take(limit).ToList()
                : null;
        }
    }

    /// <summary>The webhooks that should get <paramref name="eventName"/> from <paramref name="number"/> right now.</summary>
    public IReadOnlyList<(string Id, string Url)> Subscribers(SandboxNumber number, string eventName)
    {
        lock (_gate)
        {
            return _byId.Values.Where(w => w.Number == number && w.Wants(eventName)).Select(w => (w.Id, w.Url)).ToList();
        }
    }

    /// <summary>Where to post the next attempt; null when the webhook was deleted or paused since the event happened.</summary>
    public string? TargetOf(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var webhook) && webhook.Active ? webhook.Url : null;
        }
    }

    public void RecordAttempt(string id, WebhookLogResponse log)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var webhook))
            {
                return; // Deleted while the attempt was in flight: its logs went with it.
            }

            webhook.LastTriggered = log.CreatedAt;
            webhook.Logs.Insert(0, log);
            if (webhook.Logs.Count > MaxLogsPerWebhook)
            {
                webhook.Logs.RemoveAt(webhook.Logs.Count - 1);
            }
        }
    }

    /// <summary>A removed number takes its webhooks with it (after its <c>number.removed</c> was queued).</summary>
    public void RemoveAllOf(SandboxNumber number)
    {
        lock (_gate)
        {
            foreach (var id in _byId.Values.Where(w => w.Number == number).Select(w => w.Id).ToList())
            {
                _byId.Remove(id);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byId.Clear();
        }
    }

    public string NewLogId()
    {
        lock (_gate)
        {
            return "whl_" + _ids.Chars("abcdefghijklmnopqrstuvwxyz0123456789", 20);
        }
    }

    private SandboxWebhook? Visible(string id, Tenant tenant, SandboxNumber? onlyNumber) =>
        _byId.TryGetValue(id, out var webhook) && webhook.Tenant == tenant && (onlyNumber is null || webhook.Number == onlyNumber) ? webhook : null;

    private static WebhookResponse Describe(SandboxWebhook w) => new(
        w.Id,
        "tenant_" + w.Tenant.Slug,
        w.Name,
        w.Url,
        WebhookValues.LiveEnvironment,
        w.Active,
        [.. w.Events],
        [new ApiKeyRef(w.Number.ApiKey.KeyId, "Default")],
        w.LastTriggered,
        [w.Number.Id],
        [],
        w.CreatedAt,
        w.UpdatedAt);
}
