namespace Inspection.Bench.RulesBench.Translation;

/// <summary>
/// One rule version's <c>when</c> written as a RulesEngine lambda condition over one row: <c>m</c>, a
/// month of <see cref="EnterpriseInput.Months"/> (with <c>input1</c> for the enterprise), or <c>a</c>, an
/// accident of <see cref="EnterpriseInput.Accidents"/>. Which rows are candidates, and when the version is
/// in force, <see cref="CoreWorkflow"/> adds from the pack.
/// </summary>
internal sealed record RuleTranslation(string RuleId, int Version, string Condition);
