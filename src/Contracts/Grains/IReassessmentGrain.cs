namespace Inspection.Contracts.Grains;

/// <summary>
/// Has every monitored enterprise assessed again (đánh giá lại): after a promotion changed the rule
/// pack, once a change feed has read its backlog to the end (so that records found missing are
/// missing), and daily (so that deadlines passing are noticed without a new record). One sweep at a
/// time for the whole cluster; a request during a sweep runs another once it is done.
/// </summary>
[Alias("Inspection.IReassessmentGrain")]
public interface IReassessmentGrain : IGrainWithIntegerKey
{
    /// <summary>The one grain of the cluster.</summary>
    public const long Key = 0;

    /// <param name="reason">Why, for the log: "rule pack changed", "tax feed caught up".</param>
    [Alias("Request")]
    Task Request(string reason);

    [Alias("GetProgress")]
    Task<SweepProgress> GetProgress();
}
