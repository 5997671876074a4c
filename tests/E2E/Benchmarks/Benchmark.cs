namespace Dashboard.E2E.Benchmarks;

public static class Benchmark
{
    /// <summary>The xUnit collection every benchmark class joins, so they never run side by side.</summary>
    public const string Serial = "Benchmarks, one at a time";
}
