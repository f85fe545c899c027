using System.Data.Common;
using System.Threading.Channels;

namespace Inspection.Silo.Storage;

/// <summary>
/// Connections to the evidence database, and the one way to write to it: a transaction. On SQLite,
/// which has one writer per file and pays a sync to disk per commit, the writes of many grains are
/// committed together (group commit): one writer drains the queue, runs each write inside its own
/// savepoint of one transaction, and commits once. A write that fails rolls back to its savepoint and
/// fails alone; a commit that fails fails every write of the group. No caller learns of success before
/// its write is committed.
/// </summary>
internal sealed class EvidenceDatabase : IDisposable
{
    // Large enough to amortise the commit, small enough that no write waits long behind a group.
    private const int MaxWritesPerCommit = 256;

    private readonly DbDataSource _dataSource;
    private readonly Channel<PendingWrite>? _queue;
    private readonly Task? _writer;

    public EvidenceDatabase(DbDataSource dataSource, StorageProvider provider)
    {
        _dataSource = dataSource;
        Provider = provider;
        if (provider == StorageProvider.Sqlite)
        {
            _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
            // Microsoft.Data.Sqlite's I/O is synchronous: the writer runs on the thread pool, never on a grain's scheduler.
            _writer = Task.Run(WriteGroupsAsync);
        }
    }

    public StorageProvider Provider { get; }

    public ValueTask<DbConnection> OpenAsync(CancellationToken ct) => _dataSource.OpenConnectionAsync(ct);

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (_queue is null)
        {
            return await TransactAsync(work, ct);
        }

        var write = new PendingWrite<T>(work, ct);
        await _queue.Writer.WriteAsync(write, ct);
        return await write.Completion;
    }

    public void Dispose()
    {
        // Writes already queued are still committed before the database is let go.
        _queue?.Writer.TryComplete();
        _writer?.GetAwaiter().GetResult();
    }

    private async Task<T> TransactAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task WriteGroupsAsync()
    {
        var reader = _queue!.Reader;
        var group = new List<PendingWrite>(MaxWritesPerCommit);
        while (await reader.WaitToReadAsync())
        {
            while (group.Count < MaxWritesPerCommit && reader.TryRead(out var write))
            {
                group.Add(write);
            }

            await CommitGroupAsync(group);
            group.Clear();
        }
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        var done = new List<PendingWrite>(group.Count);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            // On SQLite this is BEGIN IMMEDIATE: the write lock is taken up front, not half-way through.
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            foreach (var write in group)
            {
                if (await RunInSavepointAsync(write, connection, transaction))
                {
                    done.Add(write);
                }
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing of the group is committed: every write not already failed on its own fails with it.
            foreach (var write in group.Where(w => !w.IsSettled))
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in done)
        {
            write.Succeed();
        }
    }

    /// <returns>Whether the write ran and now waits for the commit; otherwise it has been failed or cancelled.</returns>
    private static async Task<bool> RunInSavepointAsync(PendingWrite write, DbConnection connection, DbTransaction transaction)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            write.Cancel();
            return false;
        }

        const string savepoint = "write";
        await transaction.SaveAsync(savepoint);
        try
        {
            await write.RunAsync(connection, transaction);
            await transaction.ReleaseAsync(savepoint);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await transaction.RollbackAsync(savepoint);
            await transaction.ReleaseAsync(savepoint);
            write.Fail(ex);
            return false;
        }
    }
}
