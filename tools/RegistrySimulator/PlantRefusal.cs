namespace Inspection.RegistrySimulator;

/// <summary>Why a violation could not be planted.</summary>
public enum PlantRefusal
{
    /// <summary>It was planted.</summary>
    None,

    /// <summary>The rule id is not one of <see cref="RuleIds.All"/>.</summary>
    UnknownRule,

    /// <summary>The enterprise code is malformed or its check digit is wrong.</summary>
    InvalidEnterpriseCode,

    /// <summary>No enterprise has that code.</summary>
    UnknownEnterprise,

    /// <summary>The enterprise is no longer active, so it has no current filings to plant in.</summary>
    EnterpriseNotActive,

    /// <summary>
    /// The enterprise cannot break this rule: an environment rule on an enterprise without a monitoring
    /// station, a workforce-report rule on one that has filed no workforce report yet, or a revenue collapse on
    /// one without returns for the three months before.
    /// </summary>
    NotApplicable,

    /// <summary>
    /// The rule is broken by a record that was never published (a missing return or workforce report), which
    /// only the generated history can leave out: a published record cannot be withdrawn.
    /// </summary>
    OnlyInHistory,
}
