using Inspection.Contracts.Documents;

namespace Inspection.Contracts.Cases;

/// <summary>Who acts on a case: an account (its subject) in a role.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseActor")]
public sealed record CaseActor([property: Id(0)] string Subject, [property: Id(1)] string Role);

/// <summary>
/// Opens a case on an enterprise, under a decision, in a mode, chosen for a reason; a case chosen by
/// the plan may name the plan entry it carries out (<see cref="Plan"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.OpenCase")]
public sealed record OpenCase(
    [property: Id(0)] string EnterpriseCode,
    [property: Id(1)] string Province,
    [property: Id(2)] string Sector,
    [property: Id(3)] string Agency,
    [property: Id(4)] string Selection,
    [property: Id(5)] CaseDecision Decision,
    [property: Id(6)] string Mode,
    [property: Id(7)] Plans.PlanReference? Plan = null);

[GenerateSerializer, Immutable, Alias("Inspection.NewRequest")]
public sealed record NewRequest([property: Id(0)] string Text, [property: Id(1)] DateOnly DueOn);

[GenerateSerializer, Immutable, Alias("Inspection.NewAnswer")]
public sealed record NewAnswer([property: Id(0)] int RequestNumber, [property: Id(1)] string Text, [property: Id(2)] IReadOnlyList<DocumentRef> Documents);

/// <summary>The inspector's review of an answered request: accepted, or returned to the enterprise for more, with a note saying what.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.RequestReview")]
public sealed record RequestReview([property: Id(0)] int RequestNumber, [property: Id(1)] bool Accept, [property: Id(2)] string? Note = null);

[GenerateSerializer, Immutable, Alias("Inspection.NewFinding")]
public sealed record NewFinding([property: Id(0)] string Text, [property: Id(1)] bool IsViolation, [property: Id(2)] IReadOnlyList<CaseEvidence> Evidence);

[GenerateSerializer, Immutable, Alias("Inspection.NewConclusion")]
public sealed record NewConclusion([property: Id(0)] string Outcome, [property: Id(1)] string Summary, [property: Id(2)] IReadOnlyList<FollowUp> FollowUps);

/// <summary>What became of a command: the case as it now stands, or why it was refused (the case unchanged).</summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseResult")]
public sealed record CaseResult([property: Id(0)] CaseFile? Case, [property: Id(1)] CaseRefusal? Refusal)
{
    public static CaseResult Done(CaseFile file) => new(file, null);

    public static CaseResult Refused(CaseRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Why a command was refused: <c>invalid</c> (a field is wrong: <see cref="Field"/> names it),
/// <c>not-allowed</c> (not a lawful step from where the case stands), <c>locked</c> (the case is closed),
/// <c>not-found</c> (no such case or request).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseRefusal")]
public sealed record CaseRefusal([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? Field = null)
{
    public const string Invalid = "invalid";
    public const string NotAllowed = "not-allowed";
    public const string Locked = "locked";
    public const string NotFound = "not-found";
}
