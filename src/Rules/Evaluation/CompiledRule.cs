using Inspection.Rules.Formatting;
using Inspection.Rules.Language;

namespace Inspection.Rules.Evaluation;

/// <summary>A rule version with its condition, values and templates compiled, ready to run.</summary>
internal sealed class CompiledRule(
    Rule rule,
    Func<Row, bool?> condition,
    IReadOnlyList<FieldRef> referenced,
    IReadOnlyList<KeyValuePair<string, Operand>> computed,
    bool usesRegistration,
    int slotCount,
    Template explanationVi,
    Template explanationEn)
{
    public Rule Rule { get; } = rule;

    /// <summary>The row slots this rule fills: its sources, then the registration.</summary>
    public int SlotCount => slotCount;

    /// <summary>The same rule in another stage (see <see cref="RulePack.Promote"/>), its compiled parts shared.</summary>
    public CompiledRule As(Rule changed) =>
        new(changed, condition, referenced, computed, usesRegistration, slotCount, explanationVi, explanationEn);

    /// <summary>
    /// Adds to <paramref name="hits"/> a hit for every row of the enterprise's records on which the
    /// condition holds, trying each combination in <paramref name="row"/> (at least <see cref="SlotCount"/> slots).
    /// </summary>
    public void Evaluate(FactSet facts, DateOnly asOf, Row row, List<RuleHit> hits)
    {
        // A rule is never applied before it came into force, whatever period the records cover.
        if (Rule.Stage == RuleStage.Retired || asOf < Rule.ValidFrom)
        {
            return;
        }

        var registration = usesRegistration ? facts.Registration : null;
        if (usesRegistration && registration is null)
        {
            return;
        }

        row[slotCount - 1] = registration;
        if (Rule.For.IsCalendar)
        {
            EvaluateCalendar(facts, asOf, row, hits);
            return;
        }

        var drivers = facts.Of(Rule.For.Registry, Rule.For.Kind);
        for (var i = 0; i < drivers.Count; i++)
        {
            var driver = drivers[i];

            // A period-less record (a registration) is judged as of the assessment date; a periodic one by
            // the version in force in its period, so each row meets exactly one version of a rule. A period
            // that starts after the assessment date is not judged: re-assessing the past sees the past.
            var date = driver.Period is null ? asOf : driver.PeriodStart;
            if (date is not { } day || day > asOf || !Rule.IsInForceOn(day))
            {
                continue;
            }

            row[0] = driver;
            Join(row, 1, facts, hits);
        }
    }

    /// <summary>
    /// One row per month (or June and December) of the stretch the enterprise's records span, up to the
    /// assessment date, the latest <see cref="RecordSource.Last"/> of them: where a filing is expected.
    /// </summary>
    private void EvaluateCalendar(FactSet facts, DateOnly asOf, Row row, List<RuleHit> hits)
    {
        var (first, last) = facts.Span;
        if (first == Periods.None)
        {
            return;
        }

        last = Math.Min(last, Periods.Index(asOf));
        if (Rule.For.Last is { } count)
        {
            first = Math.Max(first, last - (Rule.For.Kind == RecordSource.HalfYears ? 6 * count : count) + 1);
        }

        for (var month = first; month <= last; month++)
        {
            // Half years are their report months: June and December.
            if (Rule.For.Kind == RecordSource.HalfYears && month % 12 is not (5 or 11))
            {
                continue;
            }

            var period = Periods.CalendarPeriod(Rule.For.Kind, month);
            if (period.PeriodStart is { } start && Rule.IsInForceOn(start))
            {
                row[0] = period;
                Join(row, 1, facts, hits);
            }
        }
    }

    // Every combination of same-period records of the joined kinds; a missing one yields no row, unless
    // its join is optional, which then yields one row without it.
    private void Join(Row row, int slot, FactSet facts, List<RuleHit> hits)
    {
        if (slot > Rule.Joins.Count)
        {
            if (condition(row) == true)
            {
                hits.Add(Hit(row));
            }

            return;
        }

        if (row[0]!.Period is not { } period)
        {
            return;
        }

        var join = Rule.Joins[slot - 1];
        var (records, start, end) = facts.InPeriod(join.Registry, join.Kind, period);
        if (start == end && join.Optional)
        {
            row[slot] = null;
            Join(row, slot + 1, facts, hits);
            return;
        }

        for (var i = start; i < end; i++)
        {
            row[slot] = records[i];
            Join(row, slot + 1, facts, hits);
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
