namespace Inspection.Dashboard.Live;

/// <summary>How this silo keeps its risk-feed subscription alive.</summary>
public sealed class RiskFeedSubscriptionOptions
{
    /// <summary>
    /// How often to renew the subscription. The feed grain drops subscriptions it has not seen renewed
    /// for about two minutes (that is how dead silos leave it), so this must stay well below that.
    /// </summary>
    public TimeSpan ResubscribeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait after a failed subscribe before trying again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
