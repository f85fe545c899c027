namespace Inspection.Api.Apis;

/// <summary>
/// Proposes a plan: the period is a <see cref="Year"/> or a range [<see cref="From"/>, <see cref="To"/>];
/// the provinces lie within the caller's jurisdiction; <see cref="Size"/> enterprises of their risk queue
/// are planned on each topic, in <see cref="Mode"/> (remote unless said).
/// </summary>
public sealed record ProposePlanBody(
    string? Agency, string? Title, int? Year, DateOnly? From, DateOnly? To,
    IReadOnlyList<string>? Provinces, IReadOnlyList<string>? Topics, int? Size, string? Mode);

/// <summary>Adds an enterprise by hand, saying why (<see cref="Note"/>); remote unless <see cref="Mode"/> says otherwise.</summary>
public sealed record AddPlanEntryBody(string? EnterpriseCode, string? Topic, string? PlannedIn, string? Mode, string? Note);

/// <summary>Changes an entry; what is left out stays as it is.</summary>
public sealed record ChangePlanEntryBody(string? Topic, string? PlannedIn, string? Mode);
