namespace Inspection.Rules.Supervised;

/// <summary>
/// How the supervised risk model is trained: the fewest outcomes it learns from (and of each kind: found
/// and not found), the folds of its cross-validation, the trees of its boosted ensemble, and the seed.
/// </summary>
public sealed record SupervisedOptions(int MinOutcomes = 100, int MinPerClass = 20, int Folds = 5, int Trees = 100, int Leaves = 8, int Seed = 20251);
