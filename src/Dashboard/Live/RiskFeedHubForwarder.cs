using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Identity;
using Inspection.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Inspection.Dashboard.Live;

/// <summary>
/// This silo's observer of the risk feed: forwards each new flag to the dashboards connected to this
/// silo, by group, so a connection hears only what its jurisdiction allows.
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

    /// <summary>The groups a flag is pushed to: its province, its enterprise, and nationwide.</summary>
    public static IReadOnlyList<string> GroupsFor(RiskFlag flag) =>
        [RiskFeedGroups.ForProvince(flag.Province), RiskFeedGroups.ForEnterprise(flag.EnterpriseCode), RiskFeedGroups.Nationwide];

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Could not push flag {FlagId} to the dashboards on this silo")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string flagId);
}
