using Orleans.Storage;

namespace Inspection.Silo.Storage;

/// <summary>
/// Grain storage on SQLite, kept off Orleans' scheduler threads. Microsoft.Data.Sqlite does its I/O
/// synchronously, even behind async methods, and SQLite has one writer per file: run on the grain's
/// thread, each write would hold a scheduler thread while it waits for the file's lock, and on a small
/// machine two such waits stall every grain. Writes are queued here, one at a time, on the thread pool.
/// </summary>
internal sealed class OffSchedulerGrainStorage(IGrainStorage inner) : IGrainStorage, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Task.Run(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        OneAtATimeAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        OneAtATimeAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Dispose() => _writer.Dispose();

    private async Task OneAtATimeAsync(Func<Task> write)
    {
        await _writer.WaitAsync();
        try
        {
            await Task.Run(write);
        }
        finally
        {
            _writer.Release();
        }
    }
}
