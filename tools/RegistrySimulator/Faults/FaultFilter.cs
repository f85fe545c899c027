using System.Text.Json;
using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Gateway;
using Inspection.RegistrySimulator.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Inspection.RegistrySimulator.Faults;

/// <summary>
/// The last filter of every registry route: applies the registry's <see cref="FaultSettings"/>. Latency,
/// hangs, 5xx and 429 come before the handler; the others change the handler's 200 page. None loses
/// data: a broken answer carries no usable cursor, and an altered page keeps every record and its cursor.
/// </summary>
internal sealed partial class FaultFilter(
    RegistryFaults faults,
    SimulatorState state,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<FaultFilter> logger) : IEndpointFilter
{
    /// <summary>How long a hanging request waits for its client to give up before it answers 504.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static readonly int[] ServerErrors = [StatusCodes.Status500InternalServerError, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var service = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RegistryService>()
            ?? throw new InvalidOperationException("A registry endpoint must carry its RegistryService as metadata.");
        return faults.Decide(service.Registry) is { } fault ? ApplyAsync(context, next, service, fault) : next(context);
    }

    private async ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, RegistryService service, FaultDecision fault)
    {
        var httpContext = context.HttpContext;
        var outcome = httpContext.Features.Get<RequestOutcome>();
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, time, httpContext.RequestAborted);
        }

        switch (fault.Failure)
        {
            case FaultFailure.Timeout:
                outcome?.Settle(GatewayOutcome.Timeout);
                return await HangAsync(httpContext, service);

            case FaultFailure.ServerError:
                outcome?.Settle(GatewayOutcome.ServerError);
                var status = ServerErrors[fault.Random.Next(0, ServerErrors.Length)];
                LogFault(logger, service.Id, $"server error {status}");
                return TypedResults.Problem($"The {service.Id} registry failed to answer (injected fault).", statusCode: status, title: "Registry error");

            case FaultFailure.Throttle:
                outcome?.Settle(GatewayOutcome.Throttled);
                LogFault(logger, service.Id, "throttle");
                httpContext.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(
                    $"The {service.Id} registry is busy; retry after 1 s (injected fault).", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        }

        var result = await next(context);
        if (PageOf(result) is not { } page || httpContext.Features.Get<FeedRequest>() is not { } feed)
        {
            return result;
        }

        switch (fault.Failure)
        {
            case FaultFailure.Malformed:
                outcome?.Settle(GatewayOutcome.Malformed);
                LogFault(logger, service.Id, "malformed JSON");
                return new RawJsonResult(Malformed(Serialize(page)));

            case FaultFailure.Truncated:
                outcome?.Settle(GatewayOutcome.Truncated);
                LogFault(logger, service.Id, "truncated JSON");
                return new RawJsonResult(Truncated(Serialize(page), ref fault.Random));

            case FaultFailure.WrongHash:
                outcome?.Settle(GatewayOutcome.WrongHash);
                LogFault(logger, service.Id, "wrong request hash");
                if (httpContext.Features.Get<XRoadExchange>() is { } exchange)
                {
                    exchange.RequestHash = XRoadRequestHash.Compute(exchange.Method, exchange.Target, exchange.Client, Guid.NewGuid().ToString());
                }

                return result;
        }

        if (Alter(page, feed, fault) is not ({ } altered, var alteration))
        {
            return result;
        }

        outcome?.Settle(alteration);
        return TypedResults.Json(altered, SimulatorJsonContext.Readable.RecordPage);
    }

    /// <summary>Waits until the client gives up (or the app stops), or answers 504 after <see cref="Hang"/>.</summary>
    private async Task<object?> HangAsync(HttpContext httpContext, RegistryService service)
    {
        LogFault(logger, service.Id, "timeout");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Hang, time, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            httpContext.Abort();
            return Results.Empty;
        }

        return TypedResults.Problem(
            $"The {service.Id} registry did not answer in time (injected fault).", statusCode: StatusCodes.Status504GatewayTimeout, title: "Registry timeout");
    }

    /// <summary>
    /// The page with duplicates (a few records of the previous page first, a few of its own again later),
    /// records of unknown enterprises (change feeds only) and its records shuffled, as the fault says, with
    /// the outcome to count; null when nothing changed. The cursor and <c>hasMore</c> stay the page's own.
    /// </summary>
    private (RecordPage Page, GatewayOutcome Outcome)? Alter(RecordPage page, FeedRequest feed, FaultDecision fault)
    {
        ref var random = ref fault.Random;
        var records = new List<RegistryRecord>(page.Records);
        GatewayOutcome? alteration = null;
        if (fault.UnknownEnterprise && feed.Enterprise is null)
        {
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                if (state.InventUnknownRecord(feed.Registry, ref random) is { } unknown)
                {
                    records.Insert(random.Next(0, records.Count + 1), unknown);
                    alteration ??= GatewayOutcome.UnknownEnterprise;
                }
            }
        }

        if (fault.Duplicate)
        {
            var previous = feed.Since > 0 ? state.ReadUpTo(feed.Registry, feed.Enterprise, feed.Since, random.Next(1, 4)) : [];
            records.InsertRange(0, previous);
            var copies = page.Records.Count > 0 ? random.Next(1, 3) : 0;
            for (var i = 0; i < copies; i++)
            {
                var original = page.Records[random.Next(0, page.Records.Count)];
                records.Insert(random.Next(records.IndexOf(original) + 1, records.Count + 1), original);
            }

            if (previous.Count + copies > 0)
            {
                alteration ??= GatewayOutcome.Duplicate;
            }
        }

        if (fault.OutOfOrder && records.Count >= 2)
        {
            var before = records.ToArray();
            for (var i = records.Count - 1; i > 0; i--)
            {
                var j = random.Next(0, i + 1);
                (records[i], records[j]) = (records[j], records[i]);
            }

            if (records.SequenceEqual(before))
            {
                records.Reverse();
            }

            if (!records.SequenceEqual(before))
            {
                alteration ??= GatewayOutcome.OutOfOrder;
            }
        }

        return alteration is { } kind ? (page with { Records = records }, kind) : null;
    }

    private static RecordPage? PageOf(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return (result as JsonHttpResult<RecordPage>)?.Value;
    }

    private static byte[] Serialize(RecordPage page) => JsonSerializer.SerializeToUtf8Bytes(page, SimulatorJsonContext.Readable.RecordPage);

    /// <summary>The page without the colon after its first property name, <c>{"records"[…</c>: no JSON parser reads that.</summary>
    private static byte[] Malformed(byte[] json)
    {
        var colon = Array.IndexOf(json, (byte)':');
        return [.. json.AsSpan(0, colon), .. json.AsSpan(colon + 1)];
    }

    /// <summary>The page cut in the middle of one of its records (in the middle of the text when it has none).</summary>
    private static byte[] Truncated(byte[] json, ref DeterministicRandom random)
    {
        var records = new List<(int Start, int End)>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRecords = reader.ValueTextEquals("records"u8);
            reader.Read();
            if (isRecords && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    records.Add((start, (int)reader.BytesConsumed));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        var cut = json.Length / 2;
        if (records.Count > 0)
        {
            var (start, end) = records[random.Next(0, records.Count)];
            cut = start + Math.Max(1, (end - start) / 2);
        }

        return json[..cut];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Injected a fault into a {Registry} request: {Fault}")]
    private static partial void LogFault(ILogger logger, string registry, string fault);
}
