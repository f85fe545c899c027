using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Identity;
using Inspection.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Inspection.Dashboard.Live;

/// <summary>
/// This silo's observer of the risk feed: forwards each new flag to the dashboards connected to this
/// silo, by group, so a connection hears only what its jurisdiction allows; and each case notice to
/// the enterprise or the inspectors it is for.
/// </summary>
public sealed partial class RiskFeedHubForwarder(IHubContext<RiskHub> hub, ILogger<RiskFeedHubForwarder> logger) : IRiskFeedObserver
{
    public async Task FlagsRaised(IReadOnlyList<RiskFlag> flags)
    {
        foreach (var flag in flags)
        {
            try
            {
                await hub.Clients.Groups(GroupsFor(flag)).SendAsync(RiskHub.FlagRaisedMethod, flag);
            }
            catch (Exception exception)
            {
                // One undeliverable flag must not fail the feed grain's call or the flags after it;
                // dashboards catch up from GET /api/flags when they reconnect.
                LogForwardFailed(logger, exception, flag.FlagId);
            }
        }
    }

    public async Task CaseChanged(CaseNotice notice)
    {
        var groups = GroupsFor(notice);
        if (groups.Count == 0)
        {
            return;
        }

        try
        {
            await hub.Clients.Groups(groups).SendAsync(RiskHub.CaseChangedMethod, notice);
        }
        catch (Exception exception)
        {
            // Best effort, as flags: the pages read the case again when they reconnect.
            LogCaseForwardFailed(logger, exception, notice.CaseId);
        }
    }

    /// <summary>
    /// The groups a case notice is pushed to: the enterprise's own, the province's inspectors', or both;
    /// and nationwide once the check is closed, for the ratio leadership follows.
    /// </summary>
    public static IReadOnlyList<string> GroupsFor(CaseNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var groups = new List<string>();
        if (notice.ForEnterprise)
        {
            groups.Add(RiskFeedGroups.ForEnterprise(notice.EnterpriseCode));
        }

        if (notice.ForInspectors)
        {
            groups.Add(RiskFeedGroups.ForProvince(notice.Province));
        }

        if (notice.ClosesCheck)
        {
            groups.Add(RiskFeedGroups.Nationwide);
        }

        return groups;
    }

    /// <summary>The groups a flag is pushed to: its province, its enterprise, and nationwide.</summary>
    public static IReadOnlyList<string> GroupsFor(RiskFlag flag) =>
        [RiskFeedGroups.ForProvince(flag.Province), RiskFeedGroups.ForEnterprise(flag.EnterpriseCode), RiskFeedGroups.Nationwide];

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Could not push flag {FlagId} to the dashboards on this silo")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string flagId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Could not push a notice of case {CaseId} to the dashboards on this silo")]
    private static partial void LogCaseForwardFailed(ILogger logger, Exception exception, string caseId);
}
