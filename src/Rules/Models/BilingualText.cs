namespace Inspection.Rules;

/// <summary>A text in Vietnamese (the default) and English.</summary>
public sealed record BilingualText(string Vi, string En);
