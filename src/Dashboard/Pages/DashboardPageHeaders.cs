using Microsoft.AspNetCore.Http;

namespace Inspection.Dashboard.Pages;

/// <summary>The headers every dashboard file is served with.</summary>
internal static class DashboardPageHeaders
{
    /// <summary>
    /// Everything from this origin only, no inline script or style, no plugins, no framing. The hub's
    /// WebSocket is covered by 'self' (CSP Level 3 matches ws/wss of the same host).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response, DashboardAsset asset)
    {
        var headers = response.Headers;

        // Not fingerprinted, so browsers must revalidate (cheaply, by ETag) to pick up a new build.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (asset.IsHtml)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
        }
    }
}
