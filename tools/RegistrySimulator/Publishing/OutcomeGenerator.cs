using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// The agency's past inspections, chosen as inspectorates choose them, on suspicion: an enterprise with a
/// planted violation was inspected seven times in ten, a clean one about one time in three (with the
/// usual share of planted enterprises, about two in five overall), once each during the history. An
/// inspection of an enterprise with a planted violation found one four times out of five; of a clean
/// enterprise, about one time in ten (a breach no rule of the pack sees): what an inspectorate's records
/// look like when risk signs were right most of the time, and a model has something to learn.
/// A suspected enterprise was chosen by risk nine times in ten, a clean one half the time (else by the
/// plan, a complaint or another reason); checks were done remotely more and more often, about a third in
/// 2024, over half in 2025 and two in three from 2026, as the national targets ask; a few were hybrid.
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
            // Drawn after the draws above, so that who was inspected, when and with what result stay as they were.
            var selection = ChooseSelection(random.NextDouble(), suspected);
            var mode = ChooseMode(random.NextDouble(), day.Year);
            if (inspected)
            {
                outcomes.Add(new InspectionOutcome(enterprise.Code, day, found, enterprise.Province.Code, enterprise.Sector.Id, mode, selection));
            }
        }

        return outcomes;
    }

    private static string ChooseSelection(double draw, bool suspected) => draw switch
    {
        _ when draw < (suspected ? 0.9 : 0.5) => "risk",
        < 0.8 => "plan",
        < 0.95 => "complaint",
        _ => "other",
    };

    private static string ChooseMode(double draw, int year)
    {
        var remote = year switch
        {
            <= 2024 => 0.35,
            2025 => 0.55,
            _ => 0.65,
        };
        return draw < remote ? "remote" : draw < remote + 0.08 ? "hybrid" : "on-site";
    }
}
