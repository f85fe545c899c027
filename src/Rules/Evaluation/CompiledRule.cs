using Inspection.Rules.Formatting;
using Inspection.Rules.Language;

namespace Inspection.Rules.Evaluation;

/// <summary>
/// A rule version with its condition, values and templates compiled, ready to run. What does not depend
/// on the enterprise is worked out here once: the shape ordinals of its sources, its validity as day
/// numbers, its calendar.
/// </summary>
internal sealed class CompiledRule
{
    private readonly Func<Row, bool?> condition;
    private readonly IReadOnlyList<FieldRef> referenced;
    private readonly IReadOnlyList<KeyValuePair<string, Operand>> computed;
    private readonly bool usesRegistration;
    private readonly int slotCount;
    private readonly Template explanationVi;
    private readonly Template explanationEn;

    private readonly bool retired;
    private readonly int validFrom;
    private readonly int validTo;
    private readonly int driverShape;
    private readonly bool halfYears;
    private readonly int? calendarLast;
    private readonly int[] joinShapes;
    private readonly bool[] joinOptional;

    // Parts of the condition that read only the registration (and the assessment date), tried once per
    // enterprise; and those that read only the driver too, tried before its joins. When one is false
    // the condition is false on every row they stand for, so those rows need not be made.
    private readonly Func<Row, bool?>? enterpriseGuard;
    private readonly Func<Row, bool?>? driverGuard;

    public CompiledRule(
        Rule rule,
        Func<Row, bool?> condition,
        IReadOnlyList<FieldRef> referenced,
        IReadOnlyList<KeyValuePair<string, Operand>> computed,
        bool usesRegistration,
        int slotCount,
        int driverShape,
        int[] joinShapes,
        Func<Row, bool?>? enterpriseGuard,
        Func<Row, bool?>? driverGuard,
        Template explanationVi,
        Template explanationEn)
    {
        Rule = rule;
        (this.condition, this.referenced, this.computed, this.usesRegistration, this.slotCount) = (condition, referenced, computed, usesRegistration, slotCount);
        (this.driverShape, this.joinShapes, this.explanationVi, this.explanationEn) = (driverShape, joinShapes, explanationVi, explanationEn);
        (this.enterpriseGuard, this.driverGuard) = (enterpriseGuard, driverGuard);
        retired = rule.Stage == RuleStage.Retired;
        validFrom = rule.ValidFrom.DayNumber;
        validTo = rule.ValidTo?.DayNumber ?? int.MaxValue;
        IsCalendar = rule.For.IsCalendar;
        halfYears = IsCalendar && rule.For.Kind == RecordSource.HalfYears;
        calendarLast = rule.For.Last;
        joinOptional = [.. rule.Joins.Select(join => join.Optional)];
    }

    public Rule Rule { get; }

    /// <summary>The row slots this rule fills: its sources, then the registration.</summary>
    public int SlotCount => slotCount;

    /// <summary>Whether the rule is driven by a calendar (<see cref="RecordSource.IsCalendar"/>).</summary>
    public bool IsCalendar { get; }

    /// <summary>The same rule in another stage (see <see cref="RulePack.Promote"/>), its compiled parts shared.</summary>
    public CompiledRule As(Rule changed) =>
        new(changed, condition, referenced, computed, usesRegistration, slotCount, driverShape, joinShapes, enterpriseGuard, driverGuard, explanationVi, explanationEn);

    /// <summary>
    /// Adds to <paramref name="hits"/> (made on the first) a hit for every row of the enterprise's records on
    /// which the condition holds, trying each combination in <paramref name="row"/> (at least
    /// <see cref="SlotCount"/> slots, for the row's facts and assessment date).
    /// </summary>
    public void Evaluate(Row row, ref List<RuleHit>? hits)
    {
        // A rule is never applied before it came into force, whatever period the records cover.
        var asOf = row.AsOfDay;
        if (retired || asOf < validFrom)
        {
            return;
        }

        var layout = row.Layout;
        if (usesRegistration)
        {
            if (layout.Registration < 0)
            {
                return;
            }

            row.Set(slotCount - 1, layout.Registration);
        }
        else
        {
            row.Clear(slotCount - 1);
        }

        if (enterpriseGuard?.Invoke(row) == false)
        {
            return;
        }

        if (IsCalendar)
        {
            EvaluateCalendar(row, ref hits);
            return;
        }

        var days = layout.Days;
        var latest = Math.Min(asOf, validTo);
        for (var record = layout.ShapeStart[driverShape]; record < layout.ShapeStart[driverShape + 1]; record++)
        {
            // A period-less record (a registration) is judged as of the assessment date; a periodic one by
            // the version in force in its period, so each row meets exactly one version of a rule. A period
            // that starts after the assessment date is not judged: re-assessing the past sees the past.
            // Records come by period, period-less ones first, so past the last day judged none is judged.
            var day = days[record];
            if (day == Periods.Absent)
            {
                if (asOf > validTo)
                {
                    continue;
                }
            }
            else if (day > latest)
            {
                break;
            }
            else if (day == Periods.None || day < validFrom)
            {
                continue;
            }

            row.Set(0, record);
            if (driverGuard?.Invoke(row) != false)
            {
                Join(row, 1, ref hits);
            }
        }
    }

    /// <summary>
    /// One row per month (or June and December) of the stretch the enterprise's records span, up to the
    /// assessment date, the latest <see cref="RecordSource.Last"/> of them: where a filing is expected.
    /// </summary>
    private void EvaluateCalendar(Row row, ref List<RuleHit>? hits)
    {
        var (first, last) = row.Span;
        if (first == Periods.None)
        {
            return;
        }

        last = Math.Min(last, row.AsOfMonth);
        if (calendarLast is { } count)
        {
            first = Math.Max(first, last - (halfYears ? 6 * count : count) + 1);
        }

        for (var month = first; month <= last; month++)
        {
            // Half years are their report months: June and December.
            if (halfYears && month % 12 is not (5 or 11))
            {
                continue;
            }

            var period = Periods.CalendarPeriod(halfYears, month);
            if (period.PeriodStartDay >= validFrom && period.PeriodStartDay <= validTo)
            {
                row.SetPeriod(period);
                if (driverGuard?.Invoke(row) != false)
                {
                    Join(row, 1, ref hits);
                }
            }
        }
    }

    // Every combination of same-period records of the joined kinds; a missing one yields no row, unless
    // its join is optional, which then yields one row without it.
    private void Join(Row row, int slot, ref List<RuleHit>? hits)
    {
        if (slot > joinShapes.Length)
        {
            if (condition(row) == true)
            {
                (hits ??= []).Add(Hit(row));
            }

            return;
        }

        var layout = row.Layout;
        var shape = joinShapes[slot - 1];
        var month = row.Month(0);
        if (month == Periods.None)
        {
            // A driver without a period (a registration) has nothing to join on; one with an unreadable
            // period never gets here, it is judged in no version's period.
            return;
        }

        var (start, shapeEnd) = layout.PeriodicFrom(shape, month);
        var end = start;
        while (end < shapeEnd && layout.PeriodicMonths[end] == month)
        {
            end++;
        }

        if (start == end && joinOptional[slot - 1])
        {
            row.Clear(slot);
            Join(row, slot + 1, ref hits);
            return;
        }

        for (var i = start; i < end; i++)
        {
            row.Set(slot, layout.Periodic[i]);
            Join(row, slot + 1, ref hits);
        }
    }

    private RuleHit Hit(Row row)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in referenced)
        {
            var value = field.Type switch
            {
                FieldType.Number => FieldValues.InvariantNumber(row.Number(field.Slot, field.Column)),
                FieldType.Date => FieldValues.InvariantDate(row.Number(field.Slot, field.Column)),
                _ => row.Text(field.Slot, field.Column),
            };
            if (value is not null)
            {
                values[field.Key] = value;
            }
        }

        foreach (var (name, operand) in computed)
        {
            if (operand.Invariant(row) is { } value)
            {
                values[name] = value;
            }
        }

        // The records the hit rests on, as evidence; a calendar period is none.
        var references = new List<string>(slotCount);
        for (var slot = 0; slot < slotCount; slot++)
        {
            if (row[slot] is { IsRecord: true } record)
            {
                references.Add(record.Reference);
            }
        }

        var period = row[0]!.Period;
        return new RuleHit(
            Rule.Id,
            Rule.Version,
            Rule.Severity,
            period,
            Rule.Title.Vi,
            Rule.Title.En,
            explanationVi.Render(values, period, TemplateLanguage.Vi),
            explanationEn.Render(values, period, TemplateLanguage.En),
            Rule.LegalBasis,
            values.AsReadOnly(),
            references.AsReadOnly(),
            Rule.Stage == RuleStage.DryRun);
    }
}
