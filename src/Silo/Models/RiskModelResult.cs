using Inspection.Contracts.Models;

namespace Inspection.Silo.Models;

/// <summary>A training's summary, and what it made of each enterprise (by code), every enterprise given included.</summary>
public sealed record RiskModelResult(RiskModelSummary Summary, IReadOnlyDictionary<string, ModelScores> Scores);
