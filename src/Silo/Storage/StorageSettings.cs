using Microsoft.Data.Sqlite;

namespace Inspection.Silo.Storage;

/// <summary>The storage configuration resolved to what can be opened: absolute file paths or a connection string.</summary>
internal sealed record StorageSettings(StorageProvider Provider, string? DataDirectory, string? PostgreSqlConnectionString)
{
    public const string OrleansDatabaseFile = "orleans.db";
    public const string EvidenceDatabaseFile = "evidence.db";

    public static StorageSettings Resolve(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        return options.Provider switch
        {
            StorageProvider.Sqlite => new StorageSettings(
                StorageProvider.Sqlite,
                Path.GetFullPath(string.IsNullOrWhiteSpace(options.DataDirectory) ? ".data" : options.DataDirectory),
                null),
            StorageProvider.PostgreSql => new StorageSettings(
                StorageProvider.PostgreSql,
                null,
                configuration.GetConnectionString(StorageOptions.ConnectionStringName) is { Length: > 0 } connectionString
                    ? connectionString
                    : throw new InvalidOperationException(
                        $"Storage:Provider is PostgreSql but ConnectionStrings:{StorageOptions.ConnectionStringName} is not set.")),
            _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; use Sqlite or PostgreSql."),
        };
    }

    public string SqliteConnectionString(string fileName) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(DataDirectory ?? throw new InvalidOperationException("No data directory in PostgreSQL mode."), fileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();
}
