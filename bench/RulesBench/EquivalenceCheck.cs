using System.Globalization;

namespace Inspection.Bench.RulesBench;

/// <summary>
/// Before a batch is timed: on every <c>sampleEvery</c>-th enterprise and on every enterprise with a
/// planted violation, both engines must find exactly the same (rule, version, period) hits, as many of
/// each. The generator is checked on the way: each planted violation is among the hits, and a sampled
/// enterprise with nothing planted has none.
/// </summary>
internal sealed class EquivalenceCheck(PackRunner ours, RulesEngineRunner theirs, int sampleEvery)
{
    private const int FailuresShown = 20;

    private readonly List<string> failures = [];

    public long Sampled { get; private set; }

    public long Planted { get; private set; }

    /// <summary>Hits both engines found on the checked enterprises.</summary>
    public long Hits { get; private set; }

    public IReadOnlyList<string> Failures => failures;

    public long FailureCount { get; private set; }

    /// <returns>Whether every checked enterprise of the batch passed.</returns>
    public bool Run(Batch batch)
    {
        var before = FailureCount;
        for (var i = 0; i < batch.Count; i++)
        {
            var sampled = (batch.First + i) % sampleEvery == 0;
            var planted = batch.Planted[i];
            if (!sampled && planted.Count == 0)
            {
                continue;
            }

            Sampled += sampled ? 1 : 0;
            Planted += planted.Count > 0 ? 1 : 0;
            var code = batch.Codes[i];
            var mine = PackRunner.Keys(ours.Evaluate(batch.Facts[i]));
            var theirsKeys = theirs.Keys(theirs.Execute(batch.Parameters[i]));
            mine.Sort();
            theirsKeys.Sort();
            Hits += mine.Count;
            if (!mine.SequenceEqual(theirsKeys))
            {
                Fail($"{code}: Inspection.Rules found [{string.Join("; ", mine)}], RulesEngine [{string.Join("; ", theirsKeys)}]");
            }

            foreach (var violation in planted.Where(violation => !mine.Any(hit => hit.RuleId == violation.RuleId && hit.Period == violation.Period)))
            {
                Fail($"{code}: planted {violation.RuleId} in {violation.Period}, not found (hits: [{string.Join("; ", mine)}])");
            }

            if (planted.Count == 0 && mine.Count > 0)
            {
                Fail($"{code}: nothing planted, yet hits [{string.Join("; ", mine)}]");
            }
        }

        return FailureCount == before;
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Sampled:N0} sampled (1 in {sampleEvery:N0}) and {Planted:N0} planted enterprises, {Hits:N0} hits: {(FailureCount == 0 ? "identical" : $"{FailureCount:N0} FAILURES")}");

    private void Fail(string message)
    {
        FailureCount++;
        if (failures.Count < FailuresShown)
        {
            failures.Add(message);
        }
    }
}
