using Inspection.Contracts.Registries;

namespace Inspection.Silo.Registries;

/// <summary>
/// One page of a registry's answer: its records and the cursor to continue from. A newest-first
/// change-feed page also carries <see cref="UntilCursor"/>, the bound to read the older records before
/// it with; there <see cref="HasMore"/> says whether older ones remain. A registry that does not read
/// newest first answers without it, and the page is an ordinary oldest-first one.
/// </summary>
public sealed record RegistryPage(IReadOnlyList<RegistryRecord> Records, string? NextCursor, bool HasMore, string? UntilCursor = null);
