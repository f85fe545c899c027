using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// An HTTP server on loopback serving the Dapr sidecar's service-invocation route
/// <c>/v1.0/invoke/{appId}/method/{method}</c>, forwarding to the app it knows by that id, as the
/// sidecar would. No Dapr runtime can be installed here; the platform's side is the real Dapr.Client.
/// </summary>
public sealed class LocalDaprSidecar : IAsyncDisposable
{
    private static readonly string[] ForwardedRequestHeaders = ["Authorization", "X-Road-Client", "X-Road-Id", "X-Road-UserId", "X-Road-Issue"];
    private static readonly string[] ForwardedResponseHeaders = ["X-Road-Request-Id", "X-Road-Request-Hash", "Retry-After"];

    private readonly WebApplication _app;
    private int _invocations;

    private LocalDaprSidecar(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public int Invocations => Volatile.Read(ref _invocations);

    public static async Task<LocalDaprSidecar> StartAsync(string appId, Uri appAddress)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var upstream = new HttpClient { BaseAddress = appAddress };
        LocalDaprSidecar? sidecar = null;
        app.MapGet("/v1.0/invoke/{target}/method/{**method}", async (string target, string method, HttpContext context) =>
        {
            if (target != appId)
            {
                return Results.Problem($"No app '{target}' is known to this sidecar.", statusCode: StatusCodes.Status500InternalServerError);
            }

            Interlocked.Increment(ref sidecar!._invocations);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + method + context.Request.QueryString);
            foreach (var header in ForwardedRequestHeaders)
            {
                if (context.Request.Headers.TryGetValue(header, out var value))
                {
                    request.Headers.TryAddWithoutValidation(header, value.ToArray());
                }
            }

            using var response = await upstream.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in ForwardedResponseHeaders)
            {
                if (response.Headers.TryGetValues(header, out var values))
                {
                    context.Response.Headers[header] = values.ToArray();
                }
            }

            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            return Results.Empty;
        });
        await app.StartAsync();
        sidecar = new LocalDaprSidecar(app, new Uri(app.Urls.First()));
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
