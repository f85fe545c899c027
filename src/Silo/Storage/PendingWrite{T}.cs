using System.Data.Common;

namespace Inspection.Silo.Storage;

/// <summary>A queued write with its result, handed to the caller only after the commit.</summary>
internal sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    : PendingWrite(ct)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Completion => _completion.Task;

    public override bool IsSettled => _completion.Task.IsCompleted;

    public override async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
        _result = await work(connection, transaction, CancellationToken);

    public override void Succeed() => _completion.TrySetResult(_result!);

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
