using System.Net;
using System.Text;
using Inspection.Silo.Registries;

namespace Inspection.Silo.Tests.Registries;

/// <summary>
/// Answers each request with a canned body and status, and by default with the request hash the
/// protocol requires; a test can spoil the hash to play a gateway that answers the wrong request.
/// </summary>
internal sealed class CannedRegistry(string body, HttpStatusCode status = HttpStatusCode.OK, bool spoilHash = false) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A body of the test's making instead of the canned text, e.g. one that stalls or breaks half-way.</summary>
    public Func<Stream>? Body { get; init; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var id = request.Headers.GetValues("X-Road-Id").Single();
        var client = request.Headers.GetValues("X-Road-Client").Single();
        var hash = XRoadRequestHash.Compute(request.Method.Method, request.RequestUri!.PathAndQuery, client, spoilHash ? "another-request" : id);
        HttpContent content = Body is { } stream ? new StreamContent(stream()) : new StringContent(body, Encoding.UTF8, "application/json");
        var response = new HttpResponseMessage(status) { Content = content };
        response.Headers.Add("X-Road-Request-Id", id);
        response.Headers.Add("X-Road-Request-Hash", hash);
        if (RetryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return Task.FromResult(response);
    }
}
