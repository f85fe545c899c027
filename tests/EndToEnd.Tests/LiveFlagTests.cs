using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inspection.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class LiveFlagTests(PlatformFixture fixture)
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_new_flag_is_pushed_to_inspectors_of_its_province_and_not_to_another_jurisdiction()
    {
        var provinces = (await fixture.Simulator.EnterprisesAsync()).Select(e => e.Province).Distinct().Order().Take(2).ToArray();
        var (home, other) = (provinces[0], provinces[1]);
        await using var homeInspector = await ConnectAsync(await fixture.Platform.SignInAsync("inspector", "tv-home", [home]));
        await using var otherInspector = await ConnectAsync(await fixture.Platform.SignInAsync("inspector", "tv-other", [other]));

        var target = await fixture.Simulator.CleanActiveEnterpriseAsync(home);
        await fixture.Simulator.PlantAsync(target.EnterpriseCode, "BHXH-ARREARS");
        var pushed = await homeInspector.NextAsync(f => f.EnterpriseCode == target.EnterpriseCode, PushTimeout);

        Assert.Equal("BHXH-ARREARS", pushed.RuleId);
        Assert.Equal(home, pushed.Province);

        // A flag of the other province, planted after, is the barrier: once the other inspector has it,
        // the first flag would have reached them before it if it had been sent to them at all.
        var barrier = await fixture.Simulator.CleanActiveEnterpriseAsync(other);
        await fixture.Simulator.PlantAsync(barrier.EnterpriseCode, "TAX-LATE-FILING");
        await otherInspector.NextAsync(f => f.EnterpriseCode == barrier.EnterpriseCode, PushTimeout);

        Assert.All(otherInspector.Received, f => Assert.Equal(other, f.Province));
        Assert.DoesNotContain(otherInspector.Received, f => f.EnterpriseCode == target.EnterpriseCode);
        Assert.All(homeInspector.Received, f => Assert.Equal(home, f.Province));
    }

    private async Task<FlagListener> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Platform.BaseAddress, "/hubs/risk"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var listener = new FlagListener(connection);
        await connection.StartAsync();
        return listener;
    }

    private sealed class FlagListener : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentQueue<PushedFlag> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public FlagListener(HubConnection connection)
        {
            _connection = connection;
            connection.On<PushedFlag>("flagRaised", flag =>
            {
                _received.Enqueue(flag);
                _arrived.Release();
            });
        }

        public IReadOnlyCollection<PushedFlag> Received => _received;

        public async Task<PushedFlag> NextAsync(Func<PushedFlag, bool> match, TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            while (true)
            {
                var found = _received.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                try
                {
                    await _arrived.WaitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"No matching flag pushed within {timeout}; received {_received.Count}: {string.Join(", ", _received.Select(f => $"{f.EnterpriseCode}/{f.RuleId}"))}");
                }
            }
        }

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
    }

    private sealed record PushedFlag(string FlagId, string EnterpriseCode, string Province, string RuleId);
}
