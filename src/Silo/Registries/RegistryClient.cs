using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inspection.Contracts;
using Inspection.Contracts.Registries;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Inspection.Silo.Registries;

/// <summary>
/// Reads records from the registries over the X-Road-style REST protocol (docs/REGISTRIES.md). A page
/// is accepted whole or not at all: one malformed record, a foreign enterprise code or a request hash
/// that does not match rejects the page, so nothing half-read is ever stored or advances a cursor.
/// </summary>
public sealed partial class RegistryClient(
    IHttpClientFactory clients,
    IOptions<RegistryOptions> options,
    RegistryThrottle throttle,
    RegistryHealthMonitor health,
    TimeProvider time,
    ILogger<RegistryClient> logger)
{
    private const string Get = "GET";
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>The name of a registry's HTTP client and resilience pipeline.</summary>
    public static string HttpClientName(string registry) => $"registry:{registry}";

    /// <summary>One enterprise's records after <paramref name="since"/>.</summary>
    public Task<RegistryPage> GetEnterpriseRecordsAsync(string registry, EnterpriseCode enterprise, string? since, CancellationToken ct) =>
        GetPageAsync(registry, $"{enterprise.Value}/records", since, string.Empty, enterprise.Value, ct);

    /// <summary>The registry-wide change feed after <paramref name="since"/>, oldest first.</summary>
    public Task<RegistryPage> GetChangesAsync(string registry, string? since, CancellationToken ct) =>
        GetPageAsync(registry, "changes", since, string.Empty, null, ct);

    /// <summary>
    /// The newest records of the change feed after <paramref name="since"/> and at or before
    /// <paramref name="until"/> (null: up to the latest). A registry that cannot read newest first
    /// answers an oldest-first page, without <see cref="RegistryPage.UntilCursor"/>.
    /// </summary>
    public Task<RegistryPage> GetNewestChangesAsync(string registry, string? since, string? until, CancellationToken ct) =>
        GetPageAsync(registry, "changes", since, until is null ? "&order=newest" : $"&order=newest&until={Uri.EscapeDataString(until)}", null, ct);

    private async Task<RegistryPage> GetPageAsync(string registry, string resource, string? since, string query, string? expectedEnterprise, CancellationToken ct)
    {
        try
        {
            var page = await ReadPageAsync(registry, resource, since, query, expectedEnterprise, ct);
            health.Succeeded(registry);
            return page;
        }
        catch (RegistryException ex)
        {
            health.Failed(registry, ex.Message);
            throw;
        }
    }

    private async Task<RegistryPage> ReadPageAsync(string registry, string resource, string? since, string query, string? expectedEnterprise, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Sources.TryGetValue(registry, out var source))
        {
            throw new RegistryException(registry, $"Registry '{registry}' is not configured.");
        }

        var pathAndQuery = $"/r1/{source.Service}/{resource}?since={Uri.EscapeDataString(since ?? string.Empty)}&limit={settings.PageSize.ToString(CultureInfo.InvariantCulture)}{query}";
        var requestId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        request.Headers.Add("X-Road-Client", settings.Client);
        request.Headers.Add("X-Road-Id", requestId);
        request.Headers.Add("X-Road-UserId", "system");
        request.Headers.Add("X-Road-Issue", "monitoring");

        using var slot = await throttle.EnterAsync(registry, ct);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName(registry)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (BrokenCircuitException ex)
        {
            throw new RegistryException(registry, $"Calls to registry '{registry}' are suspended after repeated failures; retrying after the break.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new RegistryException(registry, $"Registry '{registry}' did not answer: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta ?? DefaultRetryAfter;
                throttle.Pause(registry, retryAfter);
                throw new RegistryException(registry, $"Registry '{registry}' answered 429: over its quota; pausing for {retryAfter.TotalSeconds:0.#} s as it asked.");
            }

            var expired = response.StatusCode == HttpStatusCode.Gone && expectedEnterprise is null;
            if (response.StatusCode != HttpStatusCode.OK && !expired)
            {
                throw new RegistryException(registry, $"Registry '{registry}' answered {(int)response.StatusCode} {response.ReasonPhrase}.", status: response.StatusCode);
            }

            // Verified for a 410 too: a forged "cursor expired" would make the platform skip records.
            var expectedHash = XRoadRequestHash.Compute(Get, pathAndQuery, settings.Client, requestId);
            var actualHash = response.Headers.TryGetValues("X-Road-Request-Hash", out var hashes) ? hashes.FirstOrDefault() : null;
            if (!string.Equals(actualHash, expectedHash, StringComparison.Ordinal))
            {
                LogRequestHashMismatch(logger, registry, requestId);
                throw new RegistryException(registry, $"Registry '{registry}' answered with a request hash that does not match request {requestId}.");
            }

            if (expired)
            {
                throw new FeedCursorExpiredException(registry, await ReadOldestCursorAsync(registry, response, ct));
            }

            var provenanceRequestId = response.Headers.TryGetValues("X-Road-Request-Id", out var ids) ? ids.First() : requestId;
            // The resilience pipeline times the wait for the headers; a body that stalls half-way is timed here.
            using var body = CancellationTokenSource.CreateLinkedTokenSource(ct);
            body.CancelAfter(settings.AttemptTimeout);
            JsonDocument document;
            try
            {
                // Parsed straight from the stream into pooled buffers: a page of a thousand records would
                // otherwise be a large-object-heap array per request.
                document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(body.Token), cancellationToken: body.Token);
            }
            catch (JsonException ex)
            {
                LogMalformedPage(logger, registry, requestId, ex.Message);
                throw new RegistryException(registry, $"Registry '{registry}' answered a malformed page: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                throw new RegistryException(registry, $"Registry '{registry}' did not send its whole answer: {ex.Message}", ex);
            }

            using (document)
            {
                try
                {
                    return Parse(registry, source.Service, document, expectedEnterprise, provenanceRequestId, expectedHash);
                }
                catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
                {
                    LogMalformedPage(logger, registry, requestId, ex.Message);
                    throw new RegistryException(registry, $"Registry '{registry}' answered a malformed page: {ex.Message}", ex);
                }
            }
        }
    }

    private static async Task<string> ReadOldestCursorAsync(string registry, HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            var oldest = problem.RootElement.GetProperty("oldestCursor").GetString();
            return string.IsNullOrEmpty(oldest) ? throw new FormatException("'oldestCursor' is empty.") : oldest;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RegistryException(registry, $"Registry '{registry}' said its change feed expired the cursor but not where to resume: {ex.Message}", ex, HttpStatusCode.Gone);
        }
    }

    private RegistryPage Parse(string registry, string service, JsonDocument document, string? expectedEnterprise, string requestId, string requestHash)
    {
        var root = document.RootElement;
        var fetchedAt = time.GetUtcNow();
        var records = new List<RegistryRecord>();
        foreach (var item in root.GetProperty("records").EnumerateArray())
        {
            records.Add(ParseRecord(registry, service, item, expectedEnterprise, requestId, requestHash, fetchedAt));
        }

        var nextCursor = OptionalCursor(root, "nextCursor");
        var untilCursor = OptionalCursor(root, "untilCursor");
        var hasMore = root.TryGetProperty("hasMore", out var more) && more.GetBoolean();
        if (hasMore && string.IsNullOrEmpty(untilCursor ?? nextCursor))
        {
            throw new FormatException("The page says it has more records but gives no cursor.");
        }

        return new RegistryPage(records, nextCursor, hasMore, untilCursor);
    }

    private static RegistryRecord ParseRecord(
        string registry, string service, JsonElement item, string? expectedEnterprise, string requestId, string requestHash, DateTimeOffset fetchedAt)
    {
        var id = RequiredString(item, "id");
        var version = item.GetProperty("version").GetInt32();
        if (version < 1)
        {
            throw new FormatException($"Record {id} has version {version}; versions start at 1.");
        }

        var enterprise = RequiredString(item, "enterpriseCode");
        if (!EnterpriseCode.TryParse(enterprise, out var code, out var error))
        {
            throw new FormatException($"Record {id} has an invalid enterprise code: {error}");
        }

        if (expectedEnterprise is not null && code.Value != expectedEnterprise)
        {
            throw new FormatException($"Record {id} belongs to another enterprise than the one asked for.");
        }

        var kind = RequiredString(item, "kind");
        var period = item.TryGetProperty("period", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in item.GetProperty("data").EnumerateObject())
        {
            fields[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.String => field.Value.GetString(),
                JsonValueKind.Number => field.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => throw new FormatException($"Field '{field.Name}' of record {id} is not a plain value."),
            };
        }

        // The hash of the record exactly as the registry sent it, byte for byte.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(JsonMarshal.GetRawUtf8Value(item), hash);
        var payloadHash = Convert.ToHexStringLower(hash);
        return new RegistryRecord(registry, id, version, code.Value, kind, period, fields,
            new RecordProvenance(service, requestId, requestHash, payloadHash, fetchedAt));
    }

    private static string? OptionalCursor(JsonElement root, string name) =>
        root.TryGetProperty(name, out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;

    private static string RequiredString(JsonElement item, string name)
    {
        var value = item.GetProperty(name).GetString();
        return string.IsNullOrWhiteSpace(value) ? throw new FormatException($"A record has an empty '{name}'.") : value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry {Registry} answered request {RequestId} with a request hash that does not match; the answer is rejected")]
    private static partial void LogRequestHashMismatch(ILogger logger, string registry, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry {Registry} answered request {RequestId} with a malformed page: {Reason}")]
    private static partial void LogMalformedPage(ILogger logger, string registry, string requestId, string reason);
}
