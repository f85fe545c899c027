using Inspection.TestSupport;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inspection.Silo.Tests.Storage;

/// <summary>Orleans itself on the project's schema: grain state survives a silo restart, reminders land in PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansStorageTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Grain_state_written_by_one_silo_is_read_by_the_next(StorageProvider provider)
    {
        await using var database = await StorageTestDatabase.CreateAsync(provider, postgres);
        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);

        await using (var first = await SiloAsync(database))
        {
            var grain = first.Grains.GetGrain<IStorageProbeGrain>("0314409058");
            await grain.SetValue("first");
            await grain.SetValue("second");
            await first.StopAsync();
        }

        await using (var second = await SiloAsync(database))
        {
            var grain = second.Grains.GetGrain<IStorageProbeGrain>("0314409058");
            Assert.Equal("second", await grain.GetValue());
            await grain.SetValue("third");
            await grain.Clear();
            Assert.Null(await grain.GetValue());
            Assert.Null(await second.Grains.GetGrain<IStorageProbeGrain>("0100109106").GetValue());
            await second.StopAsync();
        }

        Assert.Equal(1, await database.ScalarAsync<int>("orleans.db", "SELECT count(*) FROM OrleansStorage"));
        Assert.Equal(4, await database.ScalarAsync<int>("orleans.db", "SELECT max(Version) FROM OrleansStorage"));
    }

    [Fact]
    public async Task Sqlite_grain_state_takes_many_grains_writing_at_once()
    {
        await using var database = await StorageTestDatabase.CreateAsync(StorageProvider.Sqlite, postgres);
        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);
        await using var silo = await SiloAsync(database);
        var grains = Enumerable.Range(0, 60).Select(i => silo.Grains.GetGrain<IStorageProbeGrain>($"grain-{i}")).ToList();

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(grains.Select(g => g.SetValue($"round-{round}")));
        }

        Assert.All(await Task.WhenAll(grains.Select(g => g.GetValue())), value => Assert.Equal("round-4", value));
        Assert.Equal(60, await database.ScalarAsync<int>("orleans.db", "SELECT count(*) FROM OrleansStorage WHERE Version = 5"));
        await silo.StopAsync();
    }

    [Fact]
    public async Task PostgreSql_silo_joins_the_membership_table_and_keeps_reminders_there()
    {
        await using var database = await StorageTestDatabase.CreateAsync(StorageProvider.PostgreSql, postgres);
        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);

        await using (var first = await SiloAsync(database))
        {
            Assert.Equal(1, await database.ScalarAsync<int>("orleans.db", "SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3"));
            await first.Grains.GetGrain<IStorageProbeGrain>("0314409058").RegisterReminder("pull");

            Assert.Equal(1, await database.ScalarAsync<int>("orleans.db", "SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'pull'"));
            // Due an hour from now: a time zone slip between .NET and the server would show here as hours.
            var dueIn = await database.ScalarAsync<double>("orleans.db", "SELECT extract(epoch FROM StartTime - now()) FROM OrleansRemindersTable WHERE ReminderName = 'pull'");
            Assert.InRange(dueIn, TimeSpan.FromMinutes(55).TotalSeconds, TimeSpan.FromMinutes(61).TotalSeconds);
            await first.StopAsync();
        }

        Assert.Equal(0, await database.ScalarAsync<int>("orleans.db", "SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3"));
        await using (var second = await SiloAsync(database))
        {
            Assert.True(await second.Grains.GetGrain<IStorageProbeGrain>("0314409058").HasReminder("pull"));
            await second.StopAsync();
        }
    }

    private static async Task<Silo> SiloAsync(StorageTestDatabase database)
    {
        var configuration = database.Configuration(
        [
            new("Orleans:ClusterId", "storage-tests"),
            new("Orleans:ServiceId", "inspection-tests"),
            new("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.UseOrleans(silo => silo.UseInspectionStorage(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new Silo(host);
    }

    private sealed class Silo(IHost host) : IAsyncDisposable
    {
        public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

        public Task StopAsync() => host.StopAsync();

        public ValueTask DisposeAsync()
        {
            host.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
