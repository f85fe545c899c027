using System.Data.Common;

namespace Inspection.Silo.Storage;

/// <summary>Connections to the evidence database, and the one way to write to it: a transaction.</summary>
internal sealed class EvidenceDatabase(DbDataSource dataSource, StorageProvider provider) : IDisposable
{
    // SQLite has one writer per file. Queueing this process's writers here, rather than letting many
    // grains collide inside SQLite, keeps "database is locked" away and the queue fair.
    private readonly SemaphoreSlim? _writeGate = provider == StorageProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public ValueTask<DbConnection> OpenAsync(CancellationToken ct) => dataSource.OpenConnectionAsync(ct);

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (_writeGate is not null)
        {
            await _writeGate.WaitAsync(ct);
        }

        try
        {
            // Microsoft.Data.Sqlite's I/O is synchronous: on the thread pool it holds no grain scheduler thread.
            return _writeGate is null ? await TransactAsync(work, ct) : await Task.Run(() => TransactAsync(work, ct), ct);
        }
        finally
        {
            _writeGate?.Release();
        }
    }

    private async Task<T> TransactAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken up front, not half-way through.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    public void Dispose() => _writeGate?.Dispose();
}
