namespace Inspection.Rules;

/// <summary>
/// Where a rule reads records from: one registry and kind, named by an alias in the rule's condition
/// and explanation (<c>tax.filedOn</c>).
/// </summary>
public sealed record RecordSource(string Alias, string Registry, string Kind);
