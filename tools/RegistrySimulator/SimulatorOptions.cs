using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator;

/// <summary>
/// Settings of the registry simulator. Every default lives here (the project ships no appsettings.json,
/// so a host that references it gets no conflicting copy); the standalone program binds the
/// <c>Simulator</c> configuration section and the command line over them.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>Seed of all generated data: the same seed and sizes give the same records.</summary>
    public int Seed { get; set; } = 20251;

    /// <summary>How many enterprises the registries know.</summary>
    public int EnterpriseCount { get; set; } = 3000;

    /// <summary>How many months of filings are published at start, from <see cref="StartPeriod"/> on.</summary>
    public int HistoryMonths { get; set; } = 12;

    /// <summary>First month of the history, <c>yyyy-MM</c>.</summary>
    public string StartPeriod { get; set; } = "2025-11";

    /// <summary>Share of enterprises (0–1) that get one planted violation in the history.</summary>
    public double ViolationRate { get; set; } = 0.08;

    /// <summary>
    /// Demo mode: every interval the next month is published for all active enterprises. Null keeps the
    /// clock still; <c>POST /simulator/clock/advance</c> moves it either way.
    /// </summary>
    public TimeSpan? PeriodInterval { get; set; }

    /// <summary>The bearer token the gateway accepts for every registry (unless listed in <see cref="TokenRegistries"/>).</summary>
    public string AccessToken { get; set; } = "dev-registry-token";

    /// <summary>
    /// Further tokens, each limited to the listed registry ids (<c>business-registration</c>, <c>tax</c>,
    /// <c>social-insurance</c>, <c>labour</c>, <c>environment</c>); listing <see cref="AccessToken"/> here limits it too. Other registries answer 403.
    /// </summary>
    public Dictionary<string, string[]> TokenRegistries { get; set; } = [];

    /// <summary>Quota per token: sustained requests per second.</summary>
    public double QuotaPerSecond { get; set; } = 100_000;

    /// <summary>Quota per token: requests that may arrive at once before the rate applies.</summary>
    public int QuotaBurst { get; set; } = 100_000;

    /// <summary>
    /// Faults injected into the answers of registries, by registry id (none by default); changeable at runtime
    /// through <c>PUT /simulator/faults/{registryId}</c> or <see cref="RegistryFaults"/>.
    /// </summary>
    public Dictionary<string, FaultSettings> Faults { get; set; } = [];

    /// <summary>Whether the change feeds read newest first on request, or behave as a registry that predates it.</summary>
    public NewestFirstSupport NewestFirst { get; set; } = NewestFirstSupport.Supported;

    /// <summary>When set, the ground truth is written to this JSON file at start and after every change.</summary>
    public string? GroundTruthPath { get; set; }

    /// <summary><see cref="StartPeriod"/> as a month.</summary>
    internal YearMonth FirstMonth =>
        YearMonth.TryParse(StartPeriod, out var month) ? month.Value : throw new ArgumentException($"StartPeriod '{StartPeriod}' is not a yyyy-MM month.");

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        Require(EnterpriseCount is >= 1 and <= 500_000, "EnterpriseCount must be between 1 and 500000.");
        Require(HistoryMonths is >= 1 and <= 120, "HistoryMonths must be between 1 and 120.");
        Require(ViolationRate is >= 0 and <= 1, "ViolationRate must be between 0 and 1.");
        Require(PeriodInterval is null || PeriodInterval > TimeSpan.Zero, "PeriodInterval must be positive when set.");
        Require(!string.IsNullOrWhiteSpace(AccessToken), "AccessToken must not be empty.");
        Require(QuotaPerSecond > 0, "QuotaPerSecond must be positive.");
        Require(QuotaBurst >= 1, "QuotaBurst must be at least 1.");
        foreach (var registry in TokenRegistries.Values.SelectMany(registries => registries))
        {
            Require(RegistryServices.FindById(registry) is not null, $"TokenRegistries names an unknown registry '{registry}'.");
        }

        foreach (var (registry, faults) in Faults)
        {
            Require(RegistryFaults.FindRegistry(registry) is not null, $"Faults names an unknown registry '{registry}'.");
            Require(faults is not null, $"Faults of '{registry}' must not be null.");
            Require(faults!.FindProblem() is null, $"Faults of '{registry}': {faults.FindProblem()}");
        }

        _ = FirstMonth;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
