namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A test that needs a real Redis: runs when <c>REDIS_TEST_CONNECTION</c> names one (./test.sh starts a throwaway
/// Redis and sets it), skipped with that reason otherwise.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public static string? Connection => Environment.GetEnvironmentVariable("REDIS_TEST_CONNECTION") is { Length: > 0 } c ? c : null;

    public RedisFactAttribute()
    {
        if (Connection is null)
        {
            Skip = "No Redis: set REDIS_TEST_CONNECTION (e.g. 127.0.0.1:6379); ./test.sh starts one.";
        }
    }
}

/// <summary>
/// A test that needs a real PostgreSQL: runs when <c>POSTGRES_TEST_CONNECTION</c> holds an Npgsql connection string to
/// a server where it may create databases (./test.sh starts a throwaway cluster and sets it), skipped otherwise.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public static string? Connection => Environment.GetEnvironmentVariable("POSTGRES_TEST_CONNECTION") is { Length: > 0 } c ? c : null;

    public PostgresFactAttribute()
    {
        if (Connection is null)
        {
            Skip = "No PostgreSQL: set POSTGRES_TEST_CONNECTION (e.g. Host=127.0.0.1;Port=55432;Username=postgres); ./test.sh starts one.";
        }
    }
}
