namespace Inspection.Rules.Supervised;

/// <summary>
/// How the supervised risk model is trained: the fewest outcomes it learns from (and of each kind: found
/// and not found), the folds of its cross-validation, the trees of its boosted ensemble, and the seed.
/// An agency has hundreds of outcomes, not millions: few small trees, learning slowly, each leaf holding
/// a twentieth of the outcomes (at least ten), keep the probabilities near the rates found rather than
/// learnt by heart.
/// </summary>
public sealed record SupervisedOptions(int MinOutcomes = 100, int MinPerClass = 20, int Folds = 5, int Trees = 50, int Leaves = 4, double LearningRate = 0.1, int Seed = 20251);
