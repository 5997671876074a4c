namespace PilotStatus.Sandbox;

/// <summary>
/// The faults in force. A request takes every matching <see cref="FaultKind.Latency"/> rule (their delays add up) and
/// at most one other rule, the first that matches in list order; every rule it takes uses up one of its <c>Remaining</c>.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private List<FaultRule> _rules = [];
    private int _heldRequests;

    public FaultInjector(IEnumerable<FaultRule>? initial = null)
    {
        if (initial is not null)
        {
            Set(initial);
        }
    }

    /// <summary>Copies of the rules in force, with their current <see cref="FaultRule.Remaining"/>.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(r => r.Clone()).ToList();
            }
        }
    }

    /// <summary>How many requests a <see cref="FaultKind.Timeout"/> fault is holding right now.</summary>
    public int HeldRequests => Volatile.Read(ref _heldRequests);

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_gate)
        {
            _rules = [.. _rules, rule.Clone()];
        }
    }

    /// <summary>Replaces every rule; an empty list clears them.</summary>
    public void Set(IEnumerable<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var copies = rules.Select(r => r.Clone()).ToList();
        copies.ForEach(r => r.Validate());
        lock (_gate)
        {
            _rules = copies;
        }
    }

    public void Clear() => Set([]);

    internal FaultPlan Take(string method, string path)
    {
        lock (_gate)
        {
            if (_rules.Count == 0)
            {
                return FaultPlan.None;
            }

            var latency = 0;
            FaultRule? outcome = null;
            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path))
                {
                    continue;
                }

                if (rule.Kind == FaultKind.Latency)
                {
                    latency += rule.LatencyMs;
                }
                else if (outcome is null)
                {
                    outcome = rule.Clone();
                }
                else
                {
                    continue;
                }

                if (rule.Remaining is not null)
                {
                    rule.Remaining--;
                }
            }

            _rules.RemoveAll(r => r.Remaining == 0);
            return new FaultPlan(TimeSpan.FromMilliseconds(latency), outcome);
        }
    }

    internal void HoldStarted() => Interlocked.Increment(ref _heldRequests);

    internal void HoldEnded() => Interlocked.Decrement(ref _heldRequests);
}

internal sealed record FaultPlan(TimeSpan Latency, FaultRule? Outcome)
{
    public static readonly FaultPlan None = new(TimeSpan.Zero, null);
}
