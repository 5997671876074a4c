namespace PilotStatus.Sandbox;

/// <summary>
/// Every number of every tenant. Lookups and changes take one short lock; the list endpoint reads an immutable
/// snapshot array so that serialising 10,000 numbers never holds the lock.
/// <see cref="SandboxState.Reset"/> swaps in a whole new fleet instead of emptying this one.
/// </summary>
internal sealed class Fleet(IdGenerator ids)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxNumber> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxNumber> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxNumber> _byKeyId = new(StringComparer.Ordinal);
    private readonly HashSet<(SandboxTenant, string)> _phoneNumbers = [];
    private SandboxNumber[] _ordered = [];

    public HistoryStore Histories { get; } = new();

    public IReadOnlyList<SandboxNumber> All => Volatile.Read(ref _ordered);

    public SandboxNumber? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public SandboxNumber? FindByKey(string key)
    {
        lock (_gate)
        {
            return _byKey.GetValueOrDefault(key);
        }
    }

    public SandboxNumber? FindByKeyId(string keyId)
    {
        lock (_gate)
        {
            return _byKeyId.GetValueOrDefault(keyId);
        }
    }

    /// <summary>Creates and adds a number unless its tenant already has that phone number.</summary>
    public SandboxNumber? TryCreate(Func<IdGenerator, SandboxNumber> create, SandboxTenant tenant, string phoneNumber)
    {
        lock (_gate)
        {
            if (_phoneNumbers.Contains((tenant, phoneNumber)))
            {
                return null;
            }

            var number = create(ids);
            AddLocked(number);
            return number;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var number))
            {
                return false;
            }

            var key = number.ApiKey;
            _byKey.Remove(key.Key);
            _byKeyId.Remove(key.KeyId);
            _phoneNumbers.Remove((number.Tenant.Kind, number.Definition.Number));
            _ordered = Array.FindAll(_ordered, n => n != number);
            Histories.Forget(id);
            return true;
        }
    }

    /// <summary>Issues a new default key for the number; the old one stops working at once.</summary>
    public NumberApiKey RegenerateKey(SandboxNumber number, DateTimeOffset now)
    {
        lock (_gate)
        {
            var replacement = new NumberApiKey(ids.KeyId(), ids.ApiKey(), Revealable: true, now);
            var previous = number.RotateKey(replacement);
            _byKey.Remove(previous.Key);
            _byKeyId.Remove(previous.KeyId);
            _byKey[replacement.Key] = number;
            _byKeyId[replacement.KeyId] = number;
            return replacement;
        }
    }

    /// <summary>Seeding adds thousands of numbers; the snapshot array is built once at the end.</summary>
    public void AddSeeded(IEnumerable<SandboxNumber> numbers)
    {
        lock (_gate)
        {
            var ordered = new List<SandboxNumber>(_ordered);
            foreach (var number in numbers)
            {
                Index(number);
                ordered.Add(number);
            }

            _ordered = [.. ordered];
        }
    }

    private void AddLocked(SandboxNumber number)
    {
        Index(number);
        _ordered = [.. _ordered, number];
    }

    private void Index(SandboxNumber number)
    {
        var key = number.ApiKey;
        _byId.Add(number.Id, number);
        _byKey.Add(key.Key, number);
        _byKeyId.Add(key.KeyId, number);
        _phoneNumbers.Add((number.Tenant.Kind, number.Definition.Number));
    }
}
