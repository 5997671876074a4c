namespace Dashboard.E2E.Benchmarks;

public static class Benchmark
{
    /// <summary>The xUnit collection every benchmark class joins, so they never run side by side.</summary>
    public const string Serial = "Benchmarks, one at a time";

    /// <summary>The dashboard's settings for a benchmark at 10,000 sandbox numbers, signed in as the configured administrator.</summary>
    public static Dictionary<string, string> TenThousandNumbers(IReadOnlyDictionary<string, string> administrator, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(administrator)
        {
            ["PilotStatus:Sandbox:FleetSize"] = "10000",
            ["PilotStatus:NumberListLifetime"] = "00:00:10", // production's, not the shorter one the functional tests use
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
