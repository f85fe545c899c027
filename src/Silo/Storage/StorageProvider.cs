namespace Inspection.Silo.Storage;

/// <summary>Where the platform keeps Orleans state and the evidence store.</summary>
public enum StorageProvider
{
    /// <summary>One process, no setup: SQLite files under the data directory, localhost clustering, in-memory reminders.</summary>
    Sqlite,

    /// <summary>Production: one PostgreSQL database for clustering, grain state, reminders and evidence.</summary>
    PostgreSql,
}
