using Inspection.Contracts.Evidence;

namespace Inspection.Api.Apis;

/// <summary>An enterprise's profile with its open flags, each with the records it rests on.</summary>
public sealed record EnterpriseDetail(EnterpriseListing Enterprise, IReadOnlyList<FlagWithEvidence> Flags);
