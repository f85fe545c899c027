using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Inspection.Dashboard.Hubs;

/// <summary>
/// The live risk feed (hàng đợi rủi ro trực tuyến). Clients only listen: on connect the hub puts the
/// connection in the groups its token's claims allow, and the per-silo bridge pushes each new flag to
/// its province's, its enterprise's and the nationwide group. There is no client-callable method, so a
/// client cannot choose or widen its groups.
/// </summary>
[Authorize]
public sealed partial class RiskHub(ILogger<RiskHub> logger) : Hub
{
    /// <summary>Where <see cref="DashboardEndpointRouteBuilderExtensions.MapInspectionDashboard"/> maps the hub.</summary>
    public const string Path = "/hubs/risk";

    /// <summary>The client method that receives one <see cref="Contracts.Evidence.RiskFlag"/>.</summary>
    public const string FlagRaisedMethod = "flagRaised";

    /// <summary>The client method that receives one <see cref="Contracts.Cases.CaseNotice"/>.</summary>
    public const string CaseChangedMethod = "caseChanged";

    /// <summary>
    /// The bearer token a browser sends to this hub: WebSockets and server-sent events cannot carry an
    /// Authorization header, so the SignalR client puts it in the <c>access_token</c> query parameter.
    /// Returns null for any other path, so the query string is never a way in to the rest of the API.
    /// For the host's <c>JwtBearerEvents.OnMessageReceived</c>: <c>context.Token ??= RiskHub.AccessTokenFromQuery(context.Request);</c>
    /// </summary>
    public static string? AccessTokenFromQuery(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Path.StartsWithSegments(Path))
        {
            return null;
        }

        var token = request.Query["access_token"].ToString();
        return token.Length > 0 ? token : null;
    }

    public override async Task OnConnectedAsync()
    {
        var groups = RiskFeedMembership.GroupsFor(Context.User);
        if (groups.Count == 0)
        {
            // A valid token without a role or jurisdiction: the connection stays up but hears nothing.
            LogNoGroups(logger, Context.ConnectionId);
        }

        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        LogJoined(logger, Context.ConnectionId, groups.Count);
        await base.OnConnectedAsync();
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Risk feed connection {ConnectionId} joined {GroupCount} group(s)")]
    private static partial void LogJoined(ILogger logger, string connectionId, int groupCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Risk feed connection {ConnectionId} has no role or jurisdiction claim that allows any group; it will receive no flags")]
    private static partial void LogNoGroups(ILogger logger, string connectionId);
}
