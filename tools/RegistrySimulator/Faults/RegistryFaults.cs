using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Faults;

namespace Inspection.RegistrySimulator;

/// <summary>
/// The <see cref="FaultSettings"/> of every registry, changeable while requests run
/// (<c>app.Services.GetRequiredService&lt;RegistryFaults&gt;()</c>, or the <c>/simulator/faults</c> endpoints).
/// </summary>
public sealed class RegistryFaults
{
    private static readonly FaultSettings Off = new();

    private readonly FaultSettings[] _settings;
    private readonly long[] _requests;
    private readonly int _seed;

    internal RegistryFaults(SimulatorOptions options)
    {
        _seed = options.Seed;
        _settings = [.. RegistryServices.All.Select(_ => Off)];
        _requests = new long[RegistryServices.All.Count];
        foreach (var (registryId, settings) in options.Faults)
        {
            Set(registryId, settings);
        }
    }

    /// <summary>A copy of the registry's settings.</summary>
    /// <exception cref="ArgumentException">No registry has that id.</exception>
    public FaultSettings Get(string registryId) => Volatile.Read(ref _settings[(int)Find(registryId).Registry]).Clone();

    /// <summary>Copies of every registry's settings, by registry id.</summary>
    public IReadOnlyDictionary<string, FaultSettings> GetAll() =>
        RegistryServices.All.ToDictionary(service => service.Id, service => Volatile.Read(ref _settings[(int)service.Registry]).Clone());

    /// <summary>
    /// Replaces the registry's settings with a copy of <paramref name="settings"/> and restarts its fault
    /// sequence, so that the same settings give the same faults to the same sequence of requests.
    /// </summary>
    /// <exception cref="ArgumentException">No registry has that id, or a setting is out of range.</exception>
    public void Set(string registryId, FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var registry = Find(registryId).Registry;
        if (settings.FindProblem() is { } problem)
        {
            throw new ArgumentException($"Faults of {registryId}: {problem}", nameof(settings));
        }

        Volatile.Write(ref _settings[(int)registry], settings.Clone());
        Interlocked.Exchange(ref _requests[(int)registry], 0);
    }

    /// <summary>Turns every fault of the registry off.</summary>
    public void Clear(string registryId) => Set(registryId, Off);

    /// <summary>Turns every fault of every registry off.</summary>
    public void ClearAll()
    {
        foreach (var service in RegistryServices.All)
        {
            Set(service.Id, Off);
        }
    }

    /// <summary>The registry with that id (registry ids are matched ignoring case, as configuration keys are).</summary>
    internal static RegistryService? FindRegistry(string registryId) =>
        RegistryServices.All.FirstOrDefault(service => string.Equals(service.Id, registryId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Draws the faults of the registry's next request, or null when its faults are off.</summary>
    internal FaultDecision? Decide(Registry registry)
    {
        var settings = Volatile.Read(ref _settings[(int)registry]);
        if (settings.IsOff)
        {
            return null;
        }

        var request = Interlocked.Increment(ref _requests[(int)registry]);
        var random = DeterministicRandom.For(_seed, (int)Draw.Fault, (int)registry, unchecked((int)request));

        // The same number of draws whatever the settings, so that changing one rate leaves the other draws alone.
        var latency = settings.LatencyMs + random.Next(0, settings.LatencyJitterMs + 1);
        var failureDraw = random.NextDouble();
        var duplicate = random.NextDouble() < settings.DuplicateRate;
        var unknownEnterprise = random.NextDouble() < settings.UnknownEnterpriseRate;

        var failure = FaultFailure.None;
        var threshold = 0.0;
        foreach (var (candidate, rate) in (ReadOnlySpan<(FaultFailure, double)>)
                 [
                     (FaultFailure.Timeout, settings.TimeoutRate), (FaultFailure.ServerError, settings.ServerErrorRate),
                     (FaultFailure.Throttle, settings.ThrottleRate), (FaultFailure.Malformed, settings.MalformedRate),
                     (FaultFailure.Truncated, settings.TruncatedRate), (FaultFailure.WrongHash, settings.WrongHashRate),
                 ])
        {
            threshold += rate;
            if (failureDraw < threshold)
            {
                failure = candidate;
                break;
            }
        }

        return new FaultDecision(TimeSpan.FromMilliseconds(latency), failure, duplicate, settings.OutOfOrder, unknownEnterprise, random);
    }

    private static RegistryService Find(string registryId) =>
        FindRegistry(registryId)
        ?? throw new ArgumentException(
            $"Unknown registry '{registryId}'. Known registries: {string.Join(", ", RegistryServices.All.Select(service => service.Id))}.",
            nameof(registryId));
}
