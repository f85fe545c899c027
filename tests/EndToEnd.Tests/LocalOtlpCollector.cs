using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// An OTLP/HTTP receiver on loopback (<c>POST /v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>, protobuf
/// bodies) that keeps what it is sent, as an OpenTelemetry collector would receive it.
/// </summary>
public sealed class LocalOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new(StringComparer.Ordinal);

    private LocalOtlpCollector(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First());

    public static async Task<LocalOtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var collector = new LocalOtlpCollector(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector._received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>The export requests received for a signal (<c>traces</c>, <c>metrics</c>, <c>logs</c>), their protobuf bodies.</summary>
    public IReadOnlyList<byte[]> Received(string signal) => _received.TryGetValue(signal, out var bodies) ? [.. bodies] : [];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
