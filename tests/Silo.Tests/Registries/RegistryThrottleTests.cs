using Inspection.Contracts.Registries;
using Inspection.Silo.Registries;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Inspection.Silo.Tests.Registries;

public sealed class RegistryThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly IClusterShare _share = Substitute.For<IClusterShare>();

    [Fact]
    public async Task A_registry_budget_is_shared_by_the_silos_active_at_each_refill()
    {
        _share.ActiveSilos.Returns(1);
        using var throttle = Throttle(requestsPerSecond: 20);
        var requests = Enumerable.Range(0, 100).Select(_ => throttle.EnterAsync(RegistryIds.Tax, default)).ToList();

        // Alone, the silo spends the whole budget: 2 per tenth of a second, the first two at once.
        await AssertThroughAsync(requests, 2);
        AdvanceInTenths(10);
        await AssertThroughAsync(requests, 22);

        // A second silo joins: from the next refill on, this one spends half.
        _share.ActiveSilos.Returns(2);
        AdvanceInTenths(10);
        await AssertThroughAsync(requests, 32);
    }

    [Fact]
    public async Task A_budget_under_ten_a_second_is_kept()
    {
        _share.ActiveSilos.Returns(1);
        using var throttle = Throttle(requestsPerSecond: 5);
        var requests = Enumerable.Range(0, 30).Select(_ => throttle.EnterAsync(RegistryIds.Tax, default)).ToList();

        // Half a token a tenth: the first at once, then five in the second, not one every tenth.
        await AssertThroughAsync(requests, 1);
        AdvanceInTenths(10);
        await AssertThroughAsync(requests, 6);
    }

    [Fact]
    public async Task A_budget_left_unspent_does_not_pile_up_into_a_burst()
    {
        _share.ActiveSilos.Returns(1);
        using var throttle = Throttle(requestsPerSecond: 20);
        await AssertThroughAsync([throttle.EnterAsync(RegistryIds.Tax, default)], 1);

        AdvanceInTenths(50);
        var requests = Enumerable.Range(0, 50).Select(_ => throttle.EnterAsync(RegistryIds.Tax, default)).ToList();

        await AssertThroughAsync(requests, 2);
    }

    [Fact]
    public async Task Requests_waiting_for_a_slot_hold_no_token_so_freed_slots_do_not_send_a_burst()
    {
        _share.ActiveSilos.Returns(1);
        using var throttle = Throttle(requestsPerSecond: 20, concurrent: 2);
        var first = Enumerable.Range(0, 2).Select(_ => throttle.EnterAsync(RegistryIds.Tax, default)).ToList();
        var held = await Task.WhenAll(first);
        var waiting = Enumerable.Range(0, 6).Select(_ => throttle.EnterAsync(RegistryIds.Tax, default)).ToList();

        // A second passes while both slots are busy: ten refills, but tokens do not pile up behind the slots.
        AdvanceInTenths(10);
        foreach (var request in held)
        {
            request.Dispose();
        }

        // Freed, the slots take the two tokens of the latest refill: two go out, not the second's twenty.
        await AssertThroughAsync(waiting, 2);
    }

    private RegistryThrottle Throttle(double requestsPerSecond, int concurrent = 1000)
    {
        var options = Options.Create(new RegistryOptions { MaxConcurrentRequests = concurrent });
        options.Value.Sources[RegistryIds.Tax].RequestsPerSecond = requestsPerSecond;
        return new RegistryThrottle(options, _share, _time);
    }

    private void AdvanceInTenths(int tenths)
    {
        for (var i = 0; i < tenths; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// Waiters are served first come, first served: exactly the first <paramref name="count"/> get
    /// through, and the next one is still waiting after a grace period for continuations to land.
    /// </summary>
    private static async Task AssertThroughAsync(List<Task<IDisposable>> requests, int count)
    {
        foreach (var request in await Task.WhenAll(requests.Take(count)))
        {
            request.Dispose();
        }

        if (requests.Count > count)
        {
            var next = requests[count];
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(200)));
            Assert.False(next.IsCompleted, $"request {count + 1} got through a budget that allowed only {count}");
        }
    }
}
