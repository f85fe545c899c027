using System.Data.Common;

namespace Inspection.Silo.Storage;

/// <summary>
/// The evidence store in plain SQL that reads the same on PostgreSQL and SQLite: both sides of it,
/// <see cref="IEvidenceStore"/> for the grains and <see cref="Contracts.Evidence.IEvidenceQueries"/> for the API.
/// </summary>
internal sealed partial class SqlEvidenceStore
{
    /// <summary>The largest page a query returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly EvidenceDatabase _database;
    private readonly ILogger _logger;

    public SqlEvidenceStore(EvidenceDatabase database, ILogger<SqlEvidenceStore> logger)
    {
        _database = database;
        _logger = logger;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Stored {Added} new of {Received} registry records")]
    private static partial void LogRecordsAppended(ILogger logger, int added, int received);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Debug, Message = "Stored {Added} new of {Received} flags")]
    private static partial void LogFlagsAppended(ILogger logger, int added, int received);
}
