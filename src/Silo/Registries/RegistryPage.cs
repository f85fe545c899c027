using Inspection.Contracts.Registries;

namespace Inspection.Silo.Registries;

/// <summary>One page of a registry's answer: its records and the cursor to continue from.</summary>
public sealed record RegistryPage(IReadOnlyList<RegistryRecord> Records, string? NextCursor, bool HasMore);
