using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Inspection.Dashboard.Pages;

/// <summary>Writes one embedded file, answering a matching <c>If-None-Match</c> with 304.</summary>
internal static class DashboardFileEndpoint
{
    public static RequestDelegate For(DashboardAsset asset) => async context =>
    {
        var response = context.Response;
        DashboardPageHeaders.Apply(response, asset);

        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await response.Body.WriteAsync(asset.Content, context.RequestAborted);
    };
}
