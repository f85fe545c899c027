using Inspection.Contracts.Evidence;
using Inspection.RegistrySimulator;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// One simulator and one platform in its embedded default (SQLite in a temporary folder), shared by the
/// tests of <see cref="PlatformCollection"/>, which run one after another.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly SqliteEvidence _data = new();

    public SimulatorHost Simulator { get; private set; } = null!;

    public PlatformHost Platform { get; private set; } = null!;

    public IEvidenceQueries Evidence => Platform.Services.GetRequiredService<IEvidenceQueries>();

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 300, Seed = 4242, ViolationRate = 0.12 });
        Platform = await PlatformHost.StartAsync(Simulator, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _data.DataDirectory,
        });
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Simulator.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
