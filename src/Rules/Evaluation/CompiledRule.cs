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

    public IEnumerable<RuleHit> Evaluate(FactIndex facts, DateOnly asOf)
    {
        // A rule is never applied before it came into force, whatever period the records cover.
        if (asOf < Rule.ValidFrom)
        {
            yield break;
        }

        var registration = usesRegistration ? facts.Registration : null;
        if (usesRegistration && registration is null)
        {
            yield break;
        }

        foreach (var driver in facts.Of(Rule.For.Registry, Rule.For.Kind))
        {
            // A period-less record (a registration) is judged as of the assessment date; a periodic one
            // by the version in force in its period, so each row meets exactly one version of a rule.
            var date = driver.Period is null ? asOf : FieldValues.PeriodStart(driver.Period);
            if (date is not { } day || !Rule.IsInForceOn(day))
            {
                continue;
            }

            var slots = new FactRecord?[slotCount];
            slots[0] = driver;
            slots[^1] = registration;
            foreach (var row in Rows(slots, 1, facts))
            {
                if (condition(row) == true)
                {
                    yield return Hit(row);
                }
            }
        }
    }

    // Every combination of same-period records of the joined kinds; a missing one yields no row.
    private IEnumerable<Row> Rows(FactRecord?[] slots, int slot, FactIndex facts)
    {
        if (slot > Rule.Joins.Count)
        {
            yield return new Row([.. slots]);
            yield break;
        }

        var period = slots[0]!.Period;
        if (period is null)
        {
            yield break;
        }

        var join = Rule.Joins[slot - 1];
        foreach (var record in facts.InPeriod(join.Registry, join.Kind, period))
        {
            slots[slot] = record;
            foreach (var row in Rows(slots, slot + 1, facts))
            {
                yield return row;
            }
        }
    }

    private RuleHit Hit(Row row)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in referenced)
        {
            if (row.Field(field.Slot, field.Name) is { } raw)
            {
                values[field.Key] = raw;
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
