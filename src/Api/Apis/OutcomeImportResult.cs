namespace Inspection.Api.Apis;

/// <summary>How many outcomes an import brought, and how many of them the platform knew already.</summary>
public sealed record OutcomeImportResult(int Received, int Imported, int AlreadyKnown);
