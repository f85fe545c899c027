namespace Inspection.Contracts.Cases;

/// <summary>
/// The decision that opens a check (quyết định kiểm tra / thanh tra): its number and date, the legal basis
/// it rests on, the scope examined, the team (by account), and the deadline by which it must conclude.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseDecision")]
public sealed record CaseDecision(
    [property: Id(0)] string Number,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string LegalBasis,
    [property: Id(3)] string Scope,
    [property: Id(4)] IReadOnlyList<string> Team,
    [property: Id(5)] DateOnly Deadline);
