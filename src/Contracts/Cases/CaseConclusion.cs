namespace Inspection.Contracts.Cases;

/// <summary>The conclusion (kết luận): the outcome, what it says, and the follow-up actions with their deadlines.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseConclusion")]
public sealed record CaseConclusion(
    [property: Id(0)] string Outcome,
    [property: Id(1)] string Summary,
    [property: Id(2)] IReadOnlyList<FollowUp> FollowUps,
    [property: Id(3)] DateTimeOffset ConcludedAt,
    [property: Id(4)] string ConcludedBy);

/// <summary>A follow-up action the enterprise or the agency must take by a date (kiến nghị, biện pháp khắc phục).</summary>
[GenerateSerializer, Immutable, Alias("Inspection.FollowUp")]
public sealed record FollowUp([property: Id(0)] string Action, [property: Id(1)] DateOnly DueOn);

/// <summary>A change of mode, with its reason: a remote check that needed a visit is no longer remote.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.ModeChange")]
public sealed record ModeChange(
    [property: Id(0)] string From,
    [property: Id(1)] string To,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset ChangedAt,
    [property: Id(4)] string ChangedBy);
