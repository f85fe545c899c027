using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// The agency's past inspections, chosen as inspectorates choose them, on suspicion: an enterprise with a
/// planted violation was inspected seven times in ten, a clean one about one time in three (with the
/// usual share of planted enterprises, about two in five overall), once each during the history. An
/// inspection of an enterprise with a planted violation found one four times out of five; of a clean
/// enterprise, about one time in ten (a breach no rule of the pack sees): what an inspectorate's records
/// look like when risk signs were right most of the time, and a model has something to learn.
/// </summary>
internal static class OutcomeGenerator
{
    private const double InspectedWhenPlanted = 0.7;
    private const double InspectedWhenClean = 0.35;
    private const double FoundWhenPlanted = 0.8;
    private const double FoundWhenClean = 0.1;

    public static IReadOnlyList<InspectionOutcome> Generate(
        int seed, IReadOnlyList<Enterprise> enterprises, IReadOnlyList<GroundTruthEntry> groundTruth, YearMonth firstMonth, int months)
    {
        var planted = groundTruth.Select(entry => entry.EnterpriseCode).ToHashSet(StringComparer.Ordinal);
        var (first, last) = (firstMonth.FirstDay.DayNumber, firstMonth.Plus(months).FirstDay.DayNumber - 1);
        var outcomes = new List<InspectionOutcome>();
        foreach (var enterprise in enterprises)
        {
            var random = DeterministicRandom.For(seed, (int)Draw.Outcome, enterprise.Index);
            var suspected = planted.Contains(enterprise.Code);
            var inspected = random.NextDouble() < (suspected ? InspectedWhenPlanted : InspectedWhenClean);
            var found = random.NextDouble() < (suspected ? FoundWhenPlanted : FoundWhenClean);
            var day = DateOnly.FromDayNumber(random.Next(first, last + 1));
            if (inspected)
            {
                outcomes.Add(new InspectionOutcome(enterprise.Code, day, found));
            }
        }

        return outcomes;
    }
}
