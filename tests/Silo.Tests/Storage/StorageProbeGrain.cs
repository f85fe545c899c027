using Inspection.Silo.Storage;

namespace Inspection.Silo.Tests.Storage;

/// <summary>A grain that keeps one value in the <c>"enterprises"</c> storage and can hold a reminder.</summary>
[Alias("Inspection.Tests.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    [Alias("GetValue")]
    Task<string?> GetValue();

    [Alias("SetValue")]
    Task SetValue(string value);

    [Alias("Clear")]
    Task Clear();

    [Alias("RegisterReminder")]
    Task RegisterReminder(string name);

    [Alias("HasReminder")]
    Task<bool> HasReminder(string name);
}

[GenerateSerializer, Alias("Inspection.Tests.StorageProbeState")]
public sealed class StorageProbeState
{
    [Id(0)]
    public string? Value { get; set; }
}

public sealed class StorageProbeGrain(
    [PersistentState("probe", GrainStorageNames.Enterprises)] IPersistentState<StorageProbeState> state) : Grain, IStorageProbeGrain, IRemindable
{
    public Task<string?> GetValue() => Task.FromResult(state.State.Value);

    public async Task SetValue(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();

    public Task RegisterReminder(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<bool> HasReminder(string name) => await this.GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
