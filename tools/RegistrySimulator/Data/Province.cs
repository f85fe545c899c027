namespace Inspection.RegistrySimulator.Data;

/// <summary>
/// A province: its administrative code and Vietnamese name (the jurisdiction), the prefix its tax
/// office gives new enterprise codes, and how many of the simulated enterprises it gets (relative weight).
/// </summary>
internal sealed record Province(string Code, string Name, int CodePrefix, int Weight);
