using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Inspection.Silo.Storage;

/// <summary>
/// Opens SQLite connections ready for concurrent use: every connection waits for a busy database
/// instead of failing with "database is locked". Microsoft.Data.Sqlite has no data source of its
/// own; this one is also what Orleans' persistence provider opens its connections through.
/// </summary>
/// <param name="connectionString">The Microsoft.Data.Sqlite connection string.</param>
/// <param name="syncEveryCommit">
/// True (SQLite's <c>synchronous = FULL</c>): a commit is on disk before it returns. False (<c>NORMAL</c>, in WAL
/// mode): a commit survives a crash of the process, and a power loss can roll the file back to its last
/// checkpoint, to a consistent earlier state.
/// </param>
internal sealed class SqliteDataSource(string connectionString, bool syncEveryCommit) : DbDataSource
{
    // Long enough to ride out a large batch written by another connection or process.
    private const int BusyTimeoutMilliseconds = 30_000;

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = Prepare(connection);
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = Prepare(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private SqliteCommand Prepare(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = {(syncEveryCommit ? "FULL" : "NORMAL")};";
        return command;
    }
}
