using Inspection.Contracts.Evidence;
using Inspection.Contracts.Models;
using Inspection.Rules.Scoring;

namespace Inspection.Silo.Grains;

/// <summary>
/// Why an enterprise stands where it does in the queue: each open rule with its flags, each feature that
/// makes it unusual among its peers, its own history, and the supervised model, each weighed by what it
/// alone would add to the risk score (<see cref="RiskScore"/>), strongest first. A reason that would add
/// less than <see cref="Least"/> explains nothing and is left out.
/// </summary>
public static class RiskReasons
{
    public const double Least = 0.01;

    public static IReadOnlyList<RiskReason> Of(IReadOnlyList<RiskFlag> flags, ModelScores? models)
    {
        var reasons = new List<RiskReason>();
        foreach (var rule in flags.GroupBy(flag => flag.RuleId, StringComparer.Ordinal))
        {
            var severest = rule.MaxBy(flag => RiskScore.Parts([flag.Severity], null, null).Rules)!.Severity;
            reasons.Add(new RiskReason(RiskReason.Flag, rule.Key, RiskScore.Parts(rule.Select(flag => flag.Severity), null, null).Rules, rule.Count(), null, severest));
        }

        if (models is not null)
        {
            var peers = RiskScore.Parts([], models.AnomalyScore, null).Anomaly * RiskScore.AnomalyWeight;
            reasons.AddRange(models.AnomalyFeatures.Select(feature =>
                new RiskReason(RiskReason.Anomaly, feature.Feature, peers * feature.Score, feature.Value, feature.Median, models.PeerGroup)));
            if (models.History is { } history)
            {
                var own = RiskScore.Parts([], history.Score, null).Anomaly * RiskScore.AnomalyWeight;
                reasons.Add(new RiskReason(RiskReason.History, history.Feature, own, history.Value, history.Median, null));
            }

            if (models.ViolationProbability is { } probability)
            {
                reasons.Add(new RiskReason(RiskReason.Model, "violation-probability", RiskScore.Parts([], null, probability).Model * RiskScore.ModelWeight,
                    probability, null, models.SupervisedModelVersion));
            }
        }

        return [.. reasons
            .Select(reason => reason with { Weight = Math.Round(reason.Weight, 3), Value = Round(reason.Value), Reference = Round(reason.Reference) })
            .Where(reason => reason.Weight >= Least)
            .OrderByDescending(reason => reason.Weight)
            .ThenBy(reason => reason.Kind, StringComparer.Ordinal)
            .ThenBy(reason => reason.Code, StringComparer.Ordinal)];
    }

    /// <summary>Whether two listings show the same: records compare their reason lists by reference, the queue by content.</summary>
    public static bool SameListing(EnterpriseListing a, EnterpriseListing b) =>
        a with { Reasons = null } == b with { Reasons = null } && (a.Reasons ?? []).SequenceEqual(b.Reasons ?? []);

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
