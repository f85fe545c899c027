using System.Text.Json.Serialization;

namespace Inspection.RegistrySimulator;

/// <summary>
/// The faults one registry's answers suffer (all off by default). Rates are probabilities from 0 to 1,
/// decided per request with a random stream seeded from <see cref="SimulatorOptions.Seed"/>, the registry
/// and the request's number since the settings were last set, so a sequential client sees the same faults
/// run after run. Set in <see cref="SimulatorOptions.Faults"/> or at runtime through
/// <c>PUT /simulator/faults/{registryId}</c> and <see cref="RegistryFaults"/>; see docs/REGISTRIES.md, "Fault injection".
/// </summary>
/// <remarks>
/// A stored instance is a private copy that is never changed, so requests read it without a lock;
/// changing an instance you hold changes nothing until it is set again.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FaultSettings
{
    /// <summary>Delay added before every answer, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Up to this many further milliseconds of delay, uniformly drawn per request.</summary>
    public int LatencyJitterMs { get; set; }

    /// <summary>Share of requests answered 500, 502 or 503 (problem+json).</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests answered 429 with <c>Retry-After: 1</c> (problem+json).</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Share of requests that get no answer until the client gives up (or 60 s pass, then 504).</summary>
    public double TimeoutRate { get; set; }

    /// <summary>Share of requests answered 200 with syntactically broken JSON.</summary>
    public double MalformedRate { get; set; }

    /// <summary>Share of requests answered 200 with the page's JSON cut off in the middle of a record.</summary>
    public double TruncatedRate { get; set; }

    /// <summary>Share of requests answered with the right page but an <c>X-Road-Request-Hash</c> of another request.</summary>
    public double WrongHashRate { get; set; }

    /// <summary>Share of pages with some records twice: a few of the previous page again, and a few of the page itself.</summary>
    public double DuplicateRate { get; set; }

    /// <summary>Every page's records shuffled (the cursor stays the page's highest sequence number).</summary>
    public bool OutOfOrder { get; set; }

    /// <summary>Share of change-feed pages with extra records of well-formed enterprise codes no registry knows.</summary>
    public double UnknownEnterpriseRate { get; set; }

    /// <summary>
    /// The change feed keeps only this registry's latest this many record versions (0: all of them). A cursor
    /// older than that is answered <c>410 Gone</c>, naming the oldest cursor still served: what a client missed
    /// in between is no longer in the feed. Per-enterprise queries still serve everything.
    /// </summary>
    public int FeedRetention { get; set; }

    /// <summary>Whether no fault is on.</summary>
    [JsonIgnore]
    public bool IsOff =>
        LatencyMs == 0 && LatencyJitterMs == 0 && ServerErrorRate == 0 && ThrottleRate == 0 && TimeoutRate == 0
        && MalformedRate == 0 && TruncatedRate == 0 && WrongHashRate == 0 && DuplicateRate == 0 && !OutOfOrder
        && UnknownEnterpriseRate == 0 && FeedRetention == 0;

    /// <summary>A copy.</summary>
    public FaultSettings Clone() => (FaultSettings)MemberwiseClone();

    /// <summary>What is out of range, or null when every setting is valid.</summary>
    internal string? FindProblem()
    {
        if (LatencyMs is < 0 or > 600_000 || LatencyJitterMs is < 0 or > 600_000)
        {
            return "latencyMs and latencyJitterMs must be between 0 and 600000.";
        }

        if (FeedRetention < 0)
        {
            return "feedRetention must be 0 (keep everything) or a positive number of record versions.";
        }

        (string Name, double Value)[] rates =
        [
            ("serverErrorRate", ServerErrorRate), ("throttleRate", ThrottleRate), ("timeoutRate", TimeoutRate),
            ("malformedRate", MalformedRate), ("truncatedRate", TruncatedRate), ("wrongHashRate", WrongHashRate),
            ("duplicateRate", DuplicateRate), ("unknownEnterpriseRate", UnknownEnterpriseRate),
        ];
        foreach (var (name, value) in rates)
        {
            if (!(value is >= 0 and <= 1))
            {
                return $"{name} must be between 0 and 1.";
            }
        }

        return null;
    }
}
