namespace Inspection.Api.Apis;

/// <summary>One past inspection outcome to import: the enterprise, the day the inspection was concluded, and whether it found a violation.</summary>
public sealed record OutcomeImport(string? EnterpriseCode, DateOnly? DecidedOn, bool? ViolationFound);
