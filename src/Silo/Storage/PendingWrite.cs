using System.Data.Common;

namespace Inspection.Silo.Storage;

/// <summary>A write waiting in <see cref="EvidenceDatabase"/>'s group-commit queue.</summary>
internal abstract class PendingWrite(CancellationToken ct)
{
    public CancellationToken CancellationToken { get; } = ct;

    /// <summary>Whether the caller has been told the outcome.</summary>
    public abstract bool IsSettled { get; }

    public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

    /// <summary>Called once the transaction holding the write has committed.</summary>
    public abstract void Succeed();

    public abstract void Fail(Exception error);

    public abstract void Cancel();
}
