using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;

namespace Inspection.Api.Apis;

public sealed record FlagWithEvidence(RiskFlag Flag, IReadOnlyList<RegistryRecord> Evidence);
