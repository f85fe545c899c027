using Inspection.Contracts.Cases;

namespace Inspection.Api.Apis;

/// <summary>
/// Opens a case on an enterprise of the caller's jurisdiction; its province and sector come from the
/// registries. A case chosen by the plan may name the approved plan's entry it carries out (<see cref="Plan"/>).
/// </summary>
public sealed record OpenCaseBody(string? EnterpriseCode, string? Agency, string? Selection, CaseDecision? Decision, string? Mode, Contracts.Plans.PlanReference? Plan = null);

public sealed record RequestBody(string? Text, DateOnly DueOn);

public sealed record ReviewBody(bool Accept, string? Note);

public sealed record ModeBody(string? Mode, string? Reason);

public sealed record FindingBody(string? Text, bool IsViolation, IReadOnlyList<CaseEvidence>? Evidence);

public sealed record ConclusionBody(string? Outcome, string? Summary, IReadOnlyList<FollowUp>? FollowUps);

public sealed record CancelBody(string? Reason);
