namespace Inspection.Rules.Scoring;

/// <summary>
/// An enterprise's risk (mức độ rủi ro) from its open flags: score = 1 − e^(−W/6), where W sums the
/// severity weights of the open flags (low 1, medium 2, high 3, critical 5). One high flag gives 0.39,
/// two give 0.63; the score saturates towards 1 so that many small flags never outrank without limit.
/// </summary>
public sealed record RiskScore(double Score, string Tier)
{
    public const string TierNone = "none";
    public const string TierLow = "low";
    public const string TierMedium = "medium";
    public const string TierHigh = "high";

    public static readonly RiskScore None = new(0, TierNone);

    public static RiskScore FromSeverities(IEnumerable<string> severities)
    {
        var weight = severities.Sum(Weight);
        if (weight == 0)
        {
            return None;
        }

        var score = Math.Round(1 - Math.Exp(-weight / 6.0), 3);
        var tier = score switch
        {
            >= 0.6 => TierHigh,
            >= 0.3 => TierMedium,
            _ => TierLow,
        };
        return new RiskScore(score, tier);
    }

    private static int Weight(string severity) => severity switch
    {
        "critical" => 5,
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };
}
