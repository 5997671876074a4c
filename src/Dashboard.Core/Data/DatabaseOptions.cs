using System.ComponentModel.DataAnnotations;

namespace Dashboard.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,

    /// <summary>PostgreSQL: a shared database for several instances (Npgsql connection string).</summary>
    PostgreSql,
}

/// <summary>The <c>Database</c> section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false,
        ErrorMessage = "Database:ConnectionString is required. Set it in appsettings.json or the environment variable Database__ConnectionString.")]
    public string ConnectionString { get; set; } = "";
}
