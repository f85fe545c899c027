using System.Text.Json;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>A record as read off the wire; <see cref="Data"/> is kept raw and read per kind.</summary>
public sealed record FeedRecord(string Id, int Version, string EnterpriseCode, string Kind, string? Period, JsonElement Data);
