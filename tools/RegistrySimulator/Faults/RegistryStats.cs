namespace Inspection.RegistrySimulator;

/// <summary>One registry's request counts since start (or the last reset), as <c>GET /simulator/stats</c> serves them.</summary>
/// <param name="Total">Requests that reached the registry's routes, whatever became of them.</param>
/// <param name="Outcomes">Requests by outcome (every outcome listed, zeros included); they add up to <paramref name="Total"/> once every request is answered.</param>
/// <param name="RequestsPerSecond">Average arrivals per second over the last 10 seconds (or since start, if shorter).</param>
/// <param name="PeakRequestsPerSecond">The most requests that arrived within one calendar second (UTC) since start.</param>
/// <param name="LastSeconds">Arrivals in each of the last 10 calendar seconds, oldest first; the last is the current, unfinished second.</param>
public sealed record RegistryStats(
    long Total,
    IReadOnlyDictionary<string, long> Outcomes,
    double RequestsPerSecond,
    int PeakRequestsPerSecond,
    IReadOnlyList<int> LastSeconds);
