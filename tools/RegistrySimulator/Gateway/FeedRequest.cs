using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>The feed a request is answered from (a feature of the request, set by the handler): registry, enterprise (null for the change feed) and cursor.</summary>
internal sealed record FeedRequest(Registry Registry, int? Enterprise, long Since);
