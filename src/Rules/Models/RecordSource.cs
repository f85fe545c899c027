namespace Inspection.Rules;

/// <summary>
/// Where a rule reads records from: one registry and kind, named by an alias in the rule's condition
/// and explanation (<c>tax.filedOn</c>). A calendar source (<see cref="IsCalendar"/>) is no registry but
/// the months (or half years) the enterprise's records span, each one row, so that a rule can judge a
/// record that should exist and does not; <see cref="Last"/> keeps only the latest so many. A join that
/// is <see cref="Optional"/> gives a row without its record when the period has none.
/// </summary>
public sealed record RecordSource(string Alias, string Registry, string Kind, bool Optional = false, int? Last = null)
{
    /// <summary>The registry name of a calendar source.</summary>
    public const string CalendarRegistry = "calendar";

    /// <summary>A calendar of months: one row per month.</summary>
    public const string Months = "month";

    /// <summary>A calendar of half years: one row per June and December (periods <c>yyyy-06</c>, <c>yyyy-12</c>).</summary>
    public const string HalfYears = "half-year";

    public bool IsCalendar => Registry == CalendarRegistry;
}
