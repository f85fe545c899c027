using Inspection.Rules.Formatting;
using Inspection.Rules.Language;

namespace Inspection.Rules.Evaluation;

/// <summary>A rule version with its condition, computed values and templates compiled, ready to run.</summary>
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

    /// <summary>
    /// Adds to <paramref name="hits"/> a hit for every row of the enterprise's records on which the
    /// condition holds, trying each combination in <paramref name="row"/> (at least <see cref="SlotCount"/> slots).
    /// </summary>
    public void Evaluate(FactSet facts, DateOnly asOf, Row row, List<RuleHit> hits)
    {
        // A rule is never applied before it came into force, whatever period the records cover.
        if (asOf < Rule.ValidFrom)
        {
            return;
        }

        var registration = usesRegistration ? facts.Registration : null;
        if (usesRegistration && registration is null)
        {
            return;
        }

        var drivers = facts.Of(Rule.For.Registry, Rule.For.Kind);
        if (drivers.Count == 0)
        {
            return;
        }

        row[slotCount - 1] = registration;
        for (var i = 0; i < drivers.Count; i++)
        {
            var driver = drivers[i];
            // A period-less record (a registration) is judged as of the assessment date; a periodic one
            // by the version in force in its period, so each row meets exactly one version of a rule.
            var date = driver.Period is null ? asOf : driver.PeriodStart;
            if (date is not { } day || !Rule.IsInForceOn(day))
            {
                continue;
            }

            row[0] = driver;
            Join(row, 1, facts, hits);
        }
    }

    // Every combination of same-period records of the joined kinds; a missing one yields no row.
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

        var references = new List<string>(slotCount);
        for (var slot = 0; slot < slotCount; slot++)
        {
            if (row[slot] is { } record)
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
            references.AsReadOnly());
    }
}
