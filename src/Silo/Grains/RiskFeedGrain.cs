using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Orleans.Utilities;

namespace Inspection.Silo.Grains;

/// <summary>
/// Fans new flags and case notices out to one observer per silo. Observers that stop re-subscribing expire, so a dead
/// silo is dropped without anyone having to tell this grain.
/// </summary>
public sealed class RiskFeedGrain(ILogger<RiskFeedGrain> logger) : Grain, IRiskFeedGrain
{
    private static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IRiskFeedObserver> _observers = new(SubscriptionLifetime, logger);

    public Task Subscribe(IRiskFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IRiskFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(IReadOnlyList<RiskFlag> flags)
    {
        _observers.Notify(observer => observer.FlagsRaised(flags));
        return Task.CompletedTask;
    }

    public Task PublishCase(CaseNotice notice)
    {
        _observers.Notify(observer => observer.CaseChanged(notice));
        return Task.CompletedTask;
    }
}
