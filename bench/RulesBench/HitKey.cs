namespace Inspection.Bench.RulesBench;

/// <summary>What both engines must agree on for each hit: which rule version fired, on which period.</summary>
internal readonly record struct HitKey(string RuleId, int Version, string Period) : IComparable<HitKey>
{
    public int CompareTo(HitKey other)
    {
        var rule = string.CompareOrdinal(RuleId, other.RuleId);
        return rule != 0 ? rule : Version != other.Version ? Version.CompareTo(other.Version) : string.CompareOrdinal(Period, other.Period);
    }

    public override string ToString() => $"{RuleId} v{Version} {Period}";
}
