using Inspection.Dashboard.Hubs;
using Inspection.Dashboard.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Dashboard;

public static class DashboardEndpointRouteBuilderExtensions
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Maps the risk hub at <see cref="RiskHub.Path"/> and the dashboard's pages: <c>/</c> (the
    /// inspector's live risk queue), <c>/enterprise?code=</c> (an enterprise's records and flags),
    /// <c>/registries</c> (the registry connections' health, for staff), <c>/rules</c> (the rule pack, its
    /// dry-run versions and their promotion), <c>/ratio</c> (the remote-check ratio against the targets, for leadership), <c>/cases?id=</c> (inspection cases: the inspector's review, the enterprise's answers), <c>/reports</c> (periodic reports: the enterprise's form and receipts, the receipts for staff), <c>/plans?id=</c> (inspection plans: proposal, entries with their duplicate warnings, approval), and every embedded file under its own path (<c>/js/…</c>, <c>/css/…</c>, <c>/lib/signalr.min.js</c>).
    /// The pages themselves are public (they hold the sign-in); their data comes from the API with a token.
    /// </summary>
    public static IEndpointRouteBuilder MapInspectionDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHub<RiskHub>(RiskHub.Path);

        var assets = DashboardAssets.Load();
        foreach (var asset in assets.All)
        {
            MapFile(app, "/" + asset.Path, asset);
        }

        MapFile(app, "/", assets["index.html"]);
        MapFile(app, "/enterprise", assets["enterprise.html"]);
        MapFile(app, "/registries", assets["registries.html"]);
        MapFile(app, "/rules", assets["rules.html"]);
        MapFile(app, "/ratio", assets["ratio.html"]);
        MapFile(app, "/cases", assets["cases.html"]);
        MapFile(app, "/reports", assets["reports.html"]);
        MapFile(app, "/plans", assets["plans.html"]);
        return app;
    }

    private static void MapFile(IEndpointRouteBuilder app, string pattern, DashboardAsset asset) =>
        app.MapMethods(pattern, GetOrHead, DashboardFileEndpoint.For(asset))
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithDisplayName($"Dashboard {pattern}");
}
