namespace PilotStatus.Sandbox;

/// <summary>
/// One number and its connection state machine (CLOSE → CONNECTING → OPEN). Every read and write goes through one lock
/// and first settles the clock: an attempt whose time ran out is closed at the instant it ran out, not when someone looks.
/// </summary>
internal sealed class SandboxNumber
{
    private readonly Lock _gate = new();
    private readonly ConnectPolicy _policy;
    private readonly TimeSpan _listLag;
    private readonly List<StateChange> _changes = [];
    private ConnectionState _state;
    private ConnectionAttempt? _attempt;
    private int _attemptsStarted;
    private int _attemptsFailed;
    private DateTimeOffset _updatedAt;
    private DateTimeOffset? _metaFetchedAt;
    private NumberApiKey _apiKey;

    private readonly NumberStateChanged? _stateChanged;

    public SandboxNumber(
        NumberDefinition definition,
        ConnectionState initialState,
        DateTimeOffset since,
        ConnectPolicy policy,
        TimeSpan listLag,
        NumberStateChanged? stateChanged = null)
    {
        _stateChanged = stateChanged;
        Definition = definition;
        _policy = policy;
        _listLag = listLag;
        _apiKey = definition.ApiKey;
        _updatedAt = since;

        // A number born CONNECTING (created by POST /v1/numbers, or seeded so) is already in its first attempt.
        if (initialState == ConnectionState.Connecting && definition.Provider != NumberProvider.Meta)
        {
            _attemptsStarted = 1;
            _attempt = new ConnectionAttempt(since, policy);
            _attempt.Issue(since);
        }

        _state = initialState == ConnectionState.Connecting && _attempt is null ? ConnectionState.Close : initialState;
        _changes.Add(new StateChange(since, _state));
        if (definition.Meta is not null)
        {
            _metaFetchedAt = since;
        }
    }

    public NumberDefinition Definition { get; }

    public string Id => Definition.Id;

    public Tenant Tenant => Definition.Tenant;

    public bool IsMeta => Definition.Provider == NumberProvider.Meta;

    public NumberApiKey ApiKey
    {
        get
        {
            lock (_gate)
            {
                return _apiKey;
            }
        }
    }

    /// <summary>The live state (<paramref name="listed"/> false) or what the cached list shows (<paramref name="listed"/> true).</summary>
    public NumberObservation Observe(DateTimeOffset now, bool listed = false)
    {
        lock (_gate)
        {
            Settle(now);
            var (updatedAt, state) = listed ? StateAsOf(now - _listLag) : new StateChange(_updatedAt, _state);
            return new NumberObservation(state, IsFullyConnected(state), updatedAt, _metaFetchedAt, _apiKey);
        }
    }

    public ConnectOutcome Connect(DateTimeOffset now)
    {
        lock (_gate)
        {
            Settle(now);
            if (IsMeta)
            {
                return new ConnectOutcome(ConnectResult.NotSupportedForMeta, null);
            }

            if (_state == ConnectionState.Open)
            {
                return new ConnectOutcome(ConnectResult.AlreadyConnected, null);
            }

            if (_attempt is null || !_attempt.CanIssue)
            {
                StartAttempt(now);
            }

            var code = _attempt!.Issue(now);
            return new ConnectOutcome(ConnectResult.CodeIssued, code);
        }
    }

    public ScanResult Scan(string code, DateTimeOffset now)
    {
        ConnectionState from;
        ScanResult result;
        lock (_gate)
        {
            Settle(now);
            from = _state;
            result = ScanLocked(code, now);
        }

        // Outside the lock: listeners (webhooks) take their own locks and may read this number.
        if (result == ScanResult.Connected)
        {
            _stateChanged?.Invoke(this, from, ConnectionState.Open, now);
        }

        return result;
    }

    private ScanResult ScanLocked(string code, DateTimeOffset now)
    {
        if (IsMeta)
        {
            return ScanResult.NotSupportedForMeta;
        }

        if (_state == ConnectionState.Open)
        {
            return ScanResult.AlreadyConnected;
        }

        if (_attempt is null)
        {
            return ScanResult.NoAttempt;
        }

        var match = _attempt.Codes.LastOrDefault(c => c.Matches(code));
        if (match is null)
        {
            return ScanResult.CodeUnknown;
        }

        if (match != _attempt.Current)
        {
            return ScanResult.CodeSuperseded;
        }

        if (match.IsExpiredAt(now))
        {
            return ScanResult.CodeExpired;
        }

        _attempt = null;
        ChangeState(ConnectionState.Open, now);
        return ScanResult.Connected;
    }

    /// <summary>The phone logged out or the session dropped: back to CLOSE from any state.</summary>
    public void Disconnect(DateTimeOffset now)
    {
        ConnectionState from;
        lock (_gate)
        {
            Settle(now);
            from = _state;
            _attempt = null;
            ChangeState(ConnectionState.Close, now);
        }

        if (from != ConnectionState.Close)
        {
            _stateChanged?.Invoke(this, from, ConnectionState.Close, now);
        }
    }

    public SandboxConnection Connection(DateTimeOffset now)
    {
        lock (_gate)
        {
            Settle(now);
            return new SandboxConnection(
                Id,
                _state,
                _attemptsStarted,
                _attemptsFailed,
                _attempt?.Current,
                _attempt?.Codes.Count ?? 0,
                _policy.MaxCodesPerAttempt,
                _attempt?.EndsAt);
        }
    }

    /// <summary><c>?refresh=1</c>: a live Meta Graph fetch that persists a new snapshot.</summary>
    public void RefreshMeta(DateTimeOffset now)
    {
        if (!IsMeta)
        {
            return;
        }

        lock (_gate)
        {
            _metaFetchedAt = now;
        }
    }

    public NumberApiKey RotateKey(NumberApiKey replacement)
    {
        lock (_gate)
        {
            var previous = _apiKey;
            _apiKey = replacement;
            return previous;
        }
    }

    private void StartAttempt(DateTimeOffset now)
    {
        _attemptsStarted++;
        _attempt = new ConnectionAttempt(now, _policy);
        ChangeState(ConnectionState.Connecting, now);
    }

    private void Settle(DateTimeOffset now)
    {
        if (_attempt is not null && now >= _attempt.EndsAt)
        {
            var endedAt = _attempt.EndsAt;
            _attempt = null;
            _attemptsFailed++;
            ChangeState(ConnectionState.Close, endedAt);
        }
    }

    private void ChangeState(ConnectionState state, DateTimeOffset at)
    {
        if (state == _state)
        {
            return;
        }

        _state = state;
        _updatedAt = at;
        _changes.Add(new StateChange(at, state));

        // Only the last change at or before (now - lag) can still be reported; older ones are unreachable.
        var horizon = at - _listLag;
        while (_changes.Count > 1 && _changes[1].At <= horizon)
        {
            _changes.RemoveAt(0);
        }
    }

    private StateChange StateAsOf(DateTimeOffset moment)
    {
        for (var i = _changes.Count - 1; i >= 0; i--)
        {
            if (_changes[i].At <= moment)
            {
                return _changes[i];
            }
        }

        return _changes[0];
    }

    private bool IsFullyConnected(ConnectionState state) =>
        state == ConnectionState.Open && (Definition.Meta?.Health.Sendable ?? true);

    private readonly record struct StateChange(DateTimeOffset At, ConnectionState State);
}

/// <summary>Raised after an explicit transition (a scan that opens, a disconnect), outside the number's lock.</summary>
internal delegate void NumberStateChanged(SandboxNumber number, ConnectionState from, ConnectionState to, DateTimeOffset at);

internal readonly record struct NumberObservation(
    ConnectionState State,
    bool IsFullyConnected,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? MetaFetchedAt,
    NumberApiKey ApiKey);

internal enum ConnectResult
{
    CodeIssued,
    AlreadyConnected,
    NotSupportedForMeta,
}

internal sealed record ConnectOutcome(ConnectResult Result, ConnectCode? Code);
