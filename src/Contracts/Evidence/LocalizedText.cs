namespace Inspection.Contracts.Evidence;

/// <summary>A text in Vietnamese (the default) and English.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.LocalizedText")]
public sealed record LocalizedText(
    [property: Id(0)] string Vi,
    [property: Id(1)] string En);
