using Inspection.Contracts.Registries;

namespace Inspection.Silo.Registries;

/// <summary>How the platform reaches the connected registries through the LGSP/NDXP gateway (section <c>Registries</c>).</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registries";

    /// <summary>The gateway's base address. When the embedded simulator runs, it is set to the simulator's address.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The bearer token the gateway issued to the platform.</summary>
    public string AccessToken { get; set; } = "dev-registry-token";

    /// <summary>The platform's own X-Road client identifier, sent as <c>X-Road-Client</c>.</summary>
    public string Client { get; set; } = "VN/GOV/000.00.00.H99/INSPECTION";

    /// <summary>How often each enterprise is pulled.</summary>
    public TimeSpan PullInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How soon a change feed read to its end is asked again. A feed answers an empty page cheaply, so
    /// this is short: it bounds how long a change waits before the platform sees it.
    /// </summary>
    public TimeSpan ChangeFeedPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a change feed read to its end stays complete while its reads fail. A read that fails for a
    /// moment loses nothing (the next reads from the same place), so the calendar rules still judge what
    /// the enterprises lack; a feed failing for longer may be keeping filings from the platform, and until
    /// it reaches its end again no filing of its registry is judged missing.
    /// </summary>
    public TimeSpan ChangeFeedStaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an enterprise waits after new records before it re-assesses, so that the records of
    /// several registries and pages arriving together are judged once.
    /// </summary>
    public TimeSpan AssessmentDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public int PageSize { get; set; } = 500;

    /// <summary>Pages read from one registry in one pull cycle before yielding to the next cycle.</summary>
    public int MaxPagesPerCycle { get; set; } = 20;

    /// <summary>Requests in flight to one registry from this silo, so that a sweep never stampedes it.</summary>
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one request may take, retries included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The Dapr sidecar's HTTP endpoint, for sources with the Dapr transport.</summary>
    public Uri DaprEndpoint { get; set; } = new("http://127.0.0.1:3500");

    /// <summary>The registries to pull, by registry id, with the X-Road service path of each.</summary>
    public Dictionary<string, RegistrySource> Sources { get; set; } = new(StringComparer.Ordinal)
    {
        [RegistryIds.BusinessRegistration] = new() { Service = "VN/GOV/000.00.00.G06/DKKD/enterprise-registrations" },
        [RegistryIds.Tax] = new() { Service = "VN/GOV/000.00.00.G07/TCT/tax-filings" },
        [RegistryIds.SocialInsurance] = new() { Service = "VN/GOV/000.00.00.G12/BHXH/contributions" },
        [RegistryIds.Labour] = new() { Service = "VN/GOV/000.00.00.G15/LDTBXH/labour-reports" },
        [RegistryIds.Environment] = new() { Service = "VN/GOV/000.00.00.G16/TNMT/monitoring-stations" },
    };

    public IEnumerable<KeyValuePair<string, RegistrySource>> EnabledSources => Sources.Where(s => s.Value.Enabled);

    /// <summary>The registries each enterprise grain pulls for itself.</summary>
    public IEnumerable<string> PerEnterpriseRegistries => EnabledSources.Where(s => s.Value.Mode == PullMode.PerEnterprise).Select(s => s.Key);

    /// <summary>The registries followed through their change feeds.</summary>
    public IEnumerable<string> ChangeFeedRegistries => EnabledSources.Where(s => s.Value.Mode == PullMode.ChangeFeed).Select(s => s.Key);
}
