namespace Inspection.Rules.Supervised;

/// <summary>
/// What training the supervised risk model came to: a model with its cross-validated ROC-AUC, or, when
/// the outcomes are too few or all of one kind, no model and the reason, said plainly.
/// </summary>
public sealed record SupervisedTraining(SupervisedRiskModel? Model, double? CrossValidatedAuc, int Outcomes, int ViolationsFound, string? StepsAsideBecause);
