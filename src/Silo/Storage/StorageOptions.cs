namespace Inspection.Silo.Storage;

/// <summary>
/// The <c>Storage</c> configuration section. The PostgreSQL connection string is
/// <c>ConnectionStrings:Inspection</c>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name under <c>ConnectionStrings</c> of the PostgreSQL connection string.</summary>
    public const string ConnectionStringName = "Inspection";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite files (<c>orleans.db</c>, <c>evidence.db</c>); a relative path is taken from the current directory.</summary>
    public string DataDirectory { get; set; } = ".data";
}
