namespace Inspection.Contracts.Evidence;

/// <summary>
/// One reason an enterprise stands where it does in the risk queue (lý do xếp hạng):
/// <list type="bullet">
/// <item><c>flag</c>: a rule with open signs of violation: <see cref="Code"/> is the rule id, <see cref="Value"/>
/// how many of its flags are open, <see cref="Detail"/> the severest;</item>
/// <item><c>anomaly</c>: unusual among its peers: <see cref="Code"/> is a feature that makes it so,
/// <see cref="Value"/> and <see cref="Reference"/> the enterprise's value and the peers' median, <see cref="Detail"/> the peer group;</item>
/// <item><c>history</c>: unusual against its own earlier months: the feature that moved, its value and the earlier median;</item>
/// <item><c>model</c>: the supervised model's probability (<see cref="Value"/>) that an inspection would find a violation, <see cref="Detail"/> the model version.</item>
/// </list>
/// <see cref="Weight"/> is what the reason alone would add to the risk score (0–1).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.RiskReason")]
public sealed record RiskReason(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] double Weight,
    [property: Id(3)] double? Value,
    [property: Id(4)] double? Reference,
    [property: Id(5)] string? Detail)
{
    public const string Flag = "flag";
    public const string Anomaly = "anomaly";
    public const string History = "history";
    public const string Model = "model";
}
