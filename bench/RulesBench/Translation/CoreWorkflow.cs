using System.Globalization;
using Inspection.Rules;
using RulesEngine.Models;
using RuleVersion = Inspection.Rules.Rule;
using WorkflowRule = RulesEngine.Models.Rule;

namespace Inspection.Bench.RulesBench.Translation;

/// <summary>
/// The shipped pack as one RulesEngine workflow: one rule per pack rule version, in pack order, named
/// <c>ID vN</c>. Each is <c>input1.Months.Any(m => …)</c> (accidents: <c>input1.Accidents.Any(a => …)</c>)
/// over the rows the version judges, with its <see cref="CoreTranslations"/> condition; on success an
/// <c>OutputExpression</c> action lists the periods of those rows, so that RulesEngine names the same
/// (rule, version, period) hits as the pack. The rows come from the pack as it judges them: a record of
/// the driving kind (a calendar: each month, or June and December, of the latest <c>last</c> up to the
/// assessment date) with a record of each joined kind unless the join is optional, in a period that
/// starts within the version's validity and not after the assessment date; a version not yet in force
/// at the assessment date, or one that reads the registration of an enterprise without one, finds none.
/// A retired version is disabled; a dry-run one judges like a live one.
/// </summary>
internal static class CoreWorkflow
{
    public const string Name = "core";

    /// <summary>The workflow, and the pack's rule versions in the order of its rules (and so of RulesEngine's results).</summary>
    /// <exception cref="InvalidOperationException">A pack version has no translation, or a translation no pack version.</exception>
    public static (Workflow Workflow, IReadOnlyList<RuleVersion> Versions) Build(RulePack pack)
    {
        var translations = CoreTranslations.All.ToDictionary(translation => (translation.RuleId, translation.Version));
        var rules = new List<WorkflowRule>();
        foreach (var version in pack.Rules)
        {
            if (!translations.Remove((version.Id, version.Version), out var translation))
            {
                throw new InvalidOperationException($"Pack {pack.Id} {pack.Version} has {version.Id} v{version.Version}, which has no RulesEngine translation.");
            }

            rules.Add(Translate(version, translation.Condition));
        }

        if (translations.Count > 0)
        {
            throw new InvalidOperationException($"Translations of versions the pack does not have: {string.Join(", ", translations.Keys)}.");
        }

        return (new Workflow { WorkflowName = Name, Rules = rules }, pack.Rules);
    }

    private static WorkflowRule Translate(RuleVersion version, string condition)
    {
        var (rows, row, candidates) = Rows(version);
        var judged = new List<string>(candidates) { $"{row}.Start >= {Date(version.ValidFrom)}" };
        if (version.ValidTo is { } validTo)
        {
            judged.Add($"{row}.Start <= {Date(validTo)}");
        }

        judged.Add($"{row}.Start <= input1.AsOf");
        judged.Add(condition);
        var predicate = $"{row} => {string.Join(" && ", judged)}";

        var guards = new List<string> { $"input1.AsOf >= {Date(version.ValidFrom)}" };
        if (version.ReadsRegistration)
        {
            guards.Add("input1.Registration != null");
        }

        return new WorkflowRule
        {
            RuleName = $"{version.Id} v{version.Version}",
            Enabled = version.Stage != RuleStage.Retired,
            Properties = new Dictionary<string, object> { ["stage"] = version.Stage },
            Expression = $"{string.Join(" && ", guards)} && {rows}.Any({predicate})",
            Actions = new RuleActions
            {
                OnSuccess = new ActionInfo
                {
                    Name = "OutputExpression",
                    Context = new Dictionary<string, object> { ["Expression"] = $"{rows}.Where({predicate}).Select({row} => {row}.Period).ToArray()" },
                },
            },
        };
    }

    /// <summary>The collection a version's rows come from, the name of a row, and which of its elements are rows.</summary>
    private static (string Rows, string Row, List<string> Candidates) Rows(RuleVersion version)
    {
        var driver = version.For;
        var candidates = new List<string>();
        if (driver.IsCalendar)
        {
            // The latest months (half years: their June and December) of the span, up to the assessment date.
            if (driver.Kind == RecordSource.HalfYears)
            {
                candidates.Add("(m.Start.Month == 6 || m.Start.Month == 12)");
            }

            if ((driver.Kind == RecordSource.HalfYears ? 6 * driver.Last : driver.Last) is { } months)
            {
                candidates.Add($"m.Index > Math.Min(input1.LastIndex, input1.AsOfIndex) - {months}");
            }
        }
        else if (driver.Kind == "accident-report")
        {
            return version.Joins.Count == 0
                ? ("input1.Accidents", "a", candidates)
                : throw new InvalidOperationException($"{version.Id} joins accidents to other records, which the input does not hold by month.");
        }
        else
        {
            candidates.Add($"m.{Property(driver.Kind)} != null");
        }

        candidates.AddRange(version.Joins.Where(join => !join.Optional).Select(join => $"m.{Property(join.Kind)} != null"));
        return ("input1.Months", "m", candidates);
    }

    private static string Property(string kind) => kind switch
    {
        "vat-return" => nameof(MonthInput.Tax),
        "contribution" => nameof(MonthInput.Contribution),
        "workforce-report" => nameof(MonthInput.Workforce),
        "monitoring-summary" => nameof(MonthInput.Monitoring),
        _ => throw new InvalidOperationException($"No month of the input holds {kind} records."),
    };

    private static string Date(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"DateTime({day.Year}, {day.Month}, {day.Day})");
}
