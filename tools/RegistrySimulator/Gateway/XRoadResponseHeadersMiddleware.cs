using Microsoft.AspNetCore.Http.Features;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// Puts <c>X-Road-Request-Id</c> and <c>X-Road-Request-Hash</c> on every answer, errors included. A request
/// without an <c>X-Road-Id</c> gets a fresh one, as an X-Road security server assigns it, and the hash covers that.
/// The values are an <see cref="XRoadExchange"/> feature of the request, read when the answer starts.
/// </summary>
internal sealed class XRoadResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = request.Headers[XRoadHeaders.Id].ToString();
        if (requestId.Length == 0)
        {
            requestId = Guid.NewGuid().ToString();
        }

        // The hash covers the request target exactly as it came over the wire, before any decoding.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.PathBase}{request.Path}{request.QueryString}";
        var exchange = new XRoadExchange(request.Method, target, request.Headers[XRoadHeaders.Client].ToString(), requestId);
        context.Features.Set(exchange);

        // Set when the answer starts, so that an error handler clearing the response cannot drop them.
        context.Response.OnStarting(
            static state =>
            {
                var (response, exchange) = ((HttpResponse, XRoadExchange))state;
                response.Headers[XRoadHeaders.RequestId] = exchange.RequestId;
                response.Headers[XRoadHeaders.RequestHash] = exchange.RequestHash;
                return Task.CompletedTask;
            },
            (context.Response, exchange));
        return next(context);
    }
}
