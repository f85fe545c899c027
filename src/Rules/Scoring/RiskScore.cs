namespace Inspection.Rules.Scoring;

/// <summary>
/// An enterprise's risk (mức độ rủi ro), from three signals that each stand on their own:
/// <list type="bullet">
/// <item>rules: R = 1 − e^(−W/6), where W sums the severity weights of the open flags (low 1, medium 2,
/// high 3, critical 5): one high flag gives 0.39, two give 0.63; it saturates towards 1 so that many
/// small flags never outrank without limit;</item>
/// <item>anomaly: A, the calibrated anomaly score (0–1), of which only the most unusual tenth counts,
/// as A* = max(0, (A − 0.9) / 0.1);</item>
/// <item>model: P, the supervised model's probability that an inspection would find a violation.</item>
/// </list>
/// score = 1 − (1 − R)(1 − 0.3·A*)(1 − 0.5·P): a sign of violation weighs most, an anomaly or the
/// model alone can raise an enterprise to medium but not high. Tier: high from 0.6, medium from 0.3,
/// low from 0.1, none below.
/// </summary>
public sealed record RiskScore(double Score, string Tier)
{
    public const string TierNone = "none";
    public const string TierLow = "low";
    public const string TierMedium = "medium";
    public const string TierHigh = "high";

    /// <summary>How much a fully unusual enterprise (A* = 1) adds, and how much certainty of a violation (P = 1) does.</summary>
    public const double AnomalyWeight = 0.3;
    public const double ModelWeight = 0.5;

    /// <summary>The anomaly score below which an enterprise is usual enough to add nothing.</summary>
    public const double AnomalyFloor = 0.9;

    public static readonly RiskScore None = new(0, TierNone);

    /// <summary>The rules' part alone (no anomaly score, no model).</summary>
    public static RiskScore FromSeverities(IEnumerable<string> severities) => Combine(severities, anomaly: null, violationProbability: null);

    public static RiskScore Combine(IEnumerable<string> severities, double? anomaly, double? violationProbability)
    {
        ArgumentNullException.ThrowIfNull(severities);
        var (rules, unusual, model) = Parts(severities, anomaly, violationProbability);
        var score = Math.Round(1 - ((1 - rules) * (1 - (AnomalyWeight * unusual)) * (1 - (ModelWeight * model))), 3);
        return score == 0 ? None : new RiskScore(score, TierOf(score));
    }

    /// <summary>The three parts the score is made of: R, A* and P, as the formula reads them.</summary>
    public static (double Rules, double Anomaly, double Model) Parts(IEnumerable<string> severities, double? anomaly, double? violationProbability)
    {
        var weight = severities.Sum(Weight);
        var rules = weight == 0 ? 0 : 1 - Math.Exp(-weight / 6.0);
        var unusual = anomaly is { } a && double.IsFinite(a) ? Math.Clamp((a - AnomalyFloor) / (1 - AnomalyFloor), 0, 1) : 0;
        var model = violationProbability is { } p && double.IsFinite(p) ? Math.Clamp(p, 0, 1) : 0;
        return (rules, unusual, model);
    }

    private static string TierOf(double score) => score switch
    {
        >= 0.6 => TierHigh,
        >= 0.3 => TierMedium,
        >= 0.1 => TierLow,
        _ => TierNone,
    };

    private static int Weight(string severity) => severity switch
    {
        "critical" => 5,
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };
}
