using System.Linq.Expressions;
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
    private readonly Action<Row, CompiledRule> scan;
    private readonly IReadOnlyList<FieldRef> referenced;
    private readonly IReadOnlyList<KeyValuePair<string, Operand>> computed;
    private readonly int slotCount;
    private readonly Template explanationVi;
    private readonly Template explanationEn;
    private readonly bool retired;
    private readonly string[] registries;

    /// <param name="rule">The version.</param>
    /// <param name="condition">
    /// The condition as where its parts hold (over <paramref name="variables"/>), each null when it has
    /// none: those that read only the registration (and the assessment date), tried once per enterprise;
    /// with joins, those that read the driver too, tried before its joins; and the rest, tried on every
    /// row. Where one does not hold, the condition holds on no row it stands for, so those rows need not
    /// be made.
    /// </param>
    /// <param name="variables">The rule's row, as its scan's variables.</param>
    /// <param name="referenced">The fields the rule reads, for its hits' values.</param>
    /// <param name="computed">The windows and computed values, for its hits' values.</param>
    /// <param name="usesRegistration">Whether the rule reads the registration: it then judges only enterprises that have one.</param>
    /// <param name="driverShape">The driver's shape ordinal.</param>
    /// <param name="joinShapes">The joins' shape ordinals.</param>
    /// <param name="explanationVi">The Vietnamese explanation.</param>
    /// <param name="explanationEn">The English explanation.</param>
    public CompiledRule(
        Rule rule,
        (Expression? Enterprise, Expression? Driver, Expression? Row) condition,
        RowVariables variables,
        IReadOnlyList<FieldRef> referenced,
        IReadOnlyList<KeyValuePair<string, Operand>> computed,
        bool usesRegistration,
        int driverShape,
        int[] joinShapes,
        Template explanationVi,
        Template explanationEn)
        : this(
            rule,
            RuleScan.Compile(variables, rule, driverShape, joinShapes, usesRegistration, condition.Enterprise, condition.Driver, condition.Row),
            referenced,
            computed,
            variables.SlotCount,
            explanationVi,
            explanationEn)
    {
    }

    private CompiledRule(
        Rule rule,
        Action<Row, CompiledRule> scan,
        IReadOnlyList<FieldRef> referenced,
        IReadOnlyList<KeyValuePair<string, Operand>> computed,
        int slotCount,
        Template explanationVi,
        Template explanationEn)
    {
        Rule = rule;
        (this.scan, this.referenced, this.computed, this.slotCount) = (scan, referenced, computed, slotCount);
        (this.explanationVi, this.explanationEn) = (explanationVi, explanationEn);
        retired = rule.Stage == RuleStage.Retired;
        ValidFromDay = rule.ValidFrom.DayNumber;
        ValidToDay = rule.ValidTo?.DayNumber ?? int.MaxValue;
        IsCalendar = rule.For.IsCalendar;
        registries = [.. rule.Registries];
    }

    public Rule Rule { get; }

    /// <summary>The row slots this rule fills: its sources, then the registration.</summary>
    public int SlotCount => slotCount;

    /// <summary>Whether the rule is driven by a calendar (<see cref="RecordSource.IsCalendar"/>).</summary>
    public bool IsCalendar { get; }

    /// <summary>
    /// Whether every registry the rule reads is in <paramref name="complete"/>. A calendar rule judges
    /// only then: a record not there yet is one that does not exist, and what it is judged with (the
    /// registration's status, say) is the latest, not a version a newer one is still on its way to replace.
    /// </summary>
    public bool ReadsOnly(IReadOnlySet<string> complete)
    {
        foreach (var registry in registries)
        {
            if (!complete.Contains(registry))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first day the version is in force, as a day number.</summary>
    public int ValidFromDay { get; }

    /// <summary>The last day the version is in force, as a day number (<see cref="int.MaxValue"/>: open-ended).</summary>
    public int ValidToDay { get; }

    /// <summary>The same rule in another stage (see <see cref="RulePack.Promote"/>), its compiled scan shared: it reads the validity from the rule.</summary>
    public CompiledRule As(Rule changed) => new(changed, scan, referenced, computed, slotCount, explanationVi, explanationEn);

    /// <summary>
    /// Adds to the row's <see cref="Row.Hits"/> a hit for every row of the enterprise's records on which
    /// the condition holds, trying each combination in <paramref name="row"/> (at least
    /// <see cref="SlotCount"/> slots, for the facts and assessment date).
    /// </summary>
    public void Evaluate(Row row)
    {
        // A rule is never applied before it came into force, whatever period the records cover.
        if (!retired && row.AsOfDay >= ValidFromDay)
        {
            scan(row, this);
        }
    }

    /// <summary>A row on which the condition holds, its slots filled: its hit.</summary>
    public void Found(Row row) => (row.Hits ??= []).Add(Hit(row));

    private RuleHit Hit(Row row)
    {
        var values = new Dictionary<string, string>(referenced.Count + computed.Count, StringComparer.Ordinal);
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
