namespace Inspection.Rules;

/// <summary>
/// One version of a rule as its pack states it, with its <see cref="RuleStage"/>. The condition itself
/// is compiled when the pack loads and stays inside <see cref="RulePack"/>.
/// </summary>
/// <remarks>
/// A version judges a row when it is in force on the row's date: the first day of the driving
/// record's period, or the assessment date for records without a period. It never judges before it
/// has come into force (assessment date before <see cref="ValidFrom"/>), but it keeps judging the
/// periods it covered after it has been replaced, because a violation is judged by the law in force
/// when it happened.
/// </remarks>
public sealed record Rule(
    string Id,
    int Version,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Severity,
    BilingualText Title,
    string LegalBasis,
    BilingualText Explanation,
    RecordSource For,
    IReadOnlyList<RecordSource> Joins,
    string Stage = RuleStage.Live,
    bool ReadsRegistration = false)
{
    /// <summary>The registries the rule reads records of: its sources' and, when it reads the registration, business registration's.</summary>
    public IReadOnlyList<string> Registries =>
    [
        .. new[] { For }.Concat(Joins).Where(source => !source.IsCalendar).Select(source => source.Registry)
            .Concat(ReadsRegistration ? [Language.AliasScope.RegistrationRegistry] : [])
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Whether this version is in force on <paramref name="date"/>; both bounds are inclusive.</summary>
    public bool IsInForceOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>Whether the two versions are in force on some same day.</summary>
    public bool Overlaps(Rule other) =>
        (ValidTo is null || other.ValidFrom <= ValidTo) && (other.ValidTo is null || ValidFrom <= other.ValidTo);
}
