using System.Globalization;
using Inspection.Contracts;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Plans;

namespace Inspection.Silo.Plans;

/// <summary>
/// How a plan is made and changed, over <see cref="InspectionPlan"/>:
/// <list type="bullet">
/// <item>proposed for a period of at most two years, provinces and topics: the top N enterprises of the
/// risk queue of those provinces (by risk score, highest first, then by code, as the queue ranks them),
/// each on every topic, spread over the period's quarters in rank order, riskiest first;</item>
/// <item>edited while a draft: entries added by hand (an enterprise of the plan's provinces, with a note),
/// removed, or given another topic, timing or mode; one enterprise is planned once per topic;</item>
/// <item>approved by leadership, once it has an entry; an approved plan is locked, and a correction is a new plan.</item>
/// </list>
/// No I/O: the grain keeps and records.
/// </summary>
public static class PlanRules
{
    public const int MaxText = 4000;
    public const int MaxName = 200;
    public const int MaxSize = 500;
    public const int MaxPeriodDays = 731;

    public static PlanStep Propose(string id, NewPlan command, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (Required(command.Agency, "agency", MaxName) is { } noAgency)
        {
            return noAgency;
        }

        if (command.Title?.Length > MaxName)
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, $"title is at most {MaxName} characters.", "title");
        }

        if (command.PeriodTo < command.PeriodFrom || command.PeriodTo.DayNumber - command.PeriodFrom.DayNumber >= MaxPeriodDays)
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, $"The period runs from its first day to its last, at most {MaxPeriodDays} days.", "period");
        }

        var provinces = (command.Provinces ?? []).Select(p => p?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (provinces.Count == 0 || provinces.Any(p => p.Length is 0 or > 10))
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, "A plan covers at least one province, each by its code.", "provinces");
        }

        var topics = (command.Topics ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (topics.Count == 0 || topics.Any(t => !PlanTopics.All.Contains(t)))
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, $"A plan examines at least one topic among {string.Join(", ", PlanTopics.All)}.", "topics");
        }

        if (command.Size is < 1 or > MaxSize)
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, $"size is between 1 and {MaxSize} enterprises.", "size");
        }

        if (!CaseModes.All.Contains(command.Mode))
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, $"The mode is one of {string.Join(", ", CaseModes.All)}.", "mode");
        }

        var chosen = (command.Candidates ?? [])
            .Where(c => provinces.Contains(c.Province, StringComparer.Ordinal))
            .OrderByDescending(c => c.RiskScore)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(command.Size)
            .ToList();
        var quarters = PlanTiming.QuartersOf(command.PeriodFrom, command.PeriodTo);
        var entries = chosen
            .SelectMany((listing, rank) => topics.Select(topic => (listing, rank, topic)))
            .Select((pick, index) => new PlanEntry(
                index + 1, pick.listing.Code, pick.listing.Name, pick.listing.Province, pick.topic,
                new PlanReason(PlanReason.Risk, pick.listing.RiskScore, pick.listing.RiskTier, pick.rank + 1, pick.listing.Reasons ?? [], null),
                quarters[pick.rank * quarters.Count / chosen.Count], command.Mode, now, actor.Subject))
            .ToList();
        var agency = command.Agency.Trim();
        var title = string.IsNullOrWhiteSpace(command.Title)
            ? string.Create(CultureInfo.InvariantCulture, $"{agency} {command.PeriodFrom:yyyy-MM-dd}–{command.PeriodTo:yyyy-MM-dd}")
            : command.Title.Trim();
        var plan = new InspectionPlan(id, agency, title, command.PeriodFrom, command.PeriodTo, provinces, topics, PlanStatuses.Draft,
            entries, now, actor.Subject, null, null, 1);
        return Step(plan, "plan.proposed",
            ("period", $"{Day(plan.PeriodFrom)}/{Day(plan.PeriodTo)}"), ("provinces", string.Join(",", provinces)),
            ("topics", string.Join(",", topics)), ("entries", Text(entries.Count)), ("enterprises", string.Join(",", chosen.Select(c => c.Code))));
    }

    public static PlanStep AddEntry(InspectionPlan plan, NewPlanEntry command, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (Closed(plan) is { } locked)
        {
            return locked;
        }

        if (!EnterpriseCode.TryParse(command.EnterpriseCode, out var code, out var codeError))
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, codeError, "enterpriseCode");
        }

        if (!plan.Provinces.Contains(command.Province, StringComparer.Ordinal))
        {
            return PlanStep.Refuse(PlanRefusal.Invalid,
                $"Enterprise {code.Value} is registered in province {command.Province}, outside the plan's provinces ({string.Join(", ", plan.Provinces)}).", "enterpriseCode");
        }

        var refusal = Topic(command.Topic) ?? Timing(plan, command.PlannedIn) ?? Mode(command.Mode) ?? Required(command.Note, "note", MaxText)
            ?? Duplicate(plan, code.Value, command.Topic, null);
        if (refusal is not null)
        {
            return refusal;
        }

        var entry = new PlanEntry(
            plan.Entries.Count == 0 ? 1 : plan.Entries.Max(e => e.Number) + 1, code.Value, command.EnterpriseName, command.Province, command.Topic,
            new PlanReason(PlanReason.Manual, null, null, null, [], command.Note.Trim()), command.PlannedIn, command.Mode, now, actor.Subject);
        return Step(Next(plan) with { Entries = [.. plan.Entries, entry] }, "plan.entry-added",
            ("entry", Text(entry.Number)), ("enterprise", entry.EnterpriseCode), ("topic", entry.Topic), ("plannedIn", entry.PlannedIn), ("mode", entry.Mode));
    }

    public static PlanStep RemoveEntry(InspectionPlan plan, int number)
    {
        if (Closed(plan) is { } locked)
        {
            return locked;
        }

        if (Find(plan, number) is not { } entry)
        {
            return NoSuchEntry(number);
        }

        return Step(Next(plan) with { Entries = [.. plan.Entries.Where(e => e.Number != number)] }, "plan.entry-removed",
            ("entry", Text(number)), ("enterprise", entry.EnterpriseCode), ("topic", entry.Topic));
    }

    public static PlanStep ChangeEntry(InspectionPlan plan, PlanEntryChange command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Closed(plan) is { } locked)
        {
            return locked;
        }

        if (Find(plan, command.Number) is not { } entry)
        {
            return NoSuchEntry(command.Number);
        }

        if (command.Topic is null && command.PlannedIn is null && command.Mode is null)
        {
            return PlanStep.Refuse(PlanRefusal.Invalid, "Say what changes: topic, plannedIn or mode.", "body");
        }

        var refusal = (command.Topic is { } topic ? Topic(topic) ?? Duplicate(plan, entry.EnterpriseCode, topic, entry.Number) : null)
            ?? (command.PlannedIn is { } timing ? Timing(plan, timing) : null)
            ?? (command.Mode is { } mode ? Mode(mode) : null);
        if (refusal is not null)
        {
            return refusal;
        }

        var changed = entry with { Topic = command.Topic ?? entry.Topic, PlannedIn = command.PlannedIn ?? entry.PlannedIn, Mode = command.Mode ?? entry.Mode };
        return Step(Next(plan) with { Entries = [.. plan.Entries.Select(e => e.Number == entry.Number ? changed : e)] }, "plan.entry-changed",
            ("entry", Text(entry.Number)), ("enterprise", entry.EnterpriseCode),
            ("topic", $"{entry.Topic}>{changed.Topic}"), ("plannedIn", $"{entry.PlannedIn}>{changed.PlannedIn}"), ("mode", $"{entry.Mode}>{changed.Mode}"));
    }

    public static PlanStep Approve(InspectionPlan plan, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Closed(plan) is { } locked)
        {
            return locked;
        }

        if (plan.Entries.Count == 0)
        {
            return PlanStep.Refuse(PlanRefusal.NotAllowed, "A plan without entries has nothing to approve.");
        }

        return Step(Next(plan) with { Status = PlanStatuses.Approved, ApprovedAt = now, ApprovedBy = actor.Subject }, "plan.approved",
            ("entries", Text(plan.Entries.Count)));
    }

    private static PlanStep? Closed(InspectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.IsLocked
            ? PlanStep.Refuse(PlanRefusal.Locked, $"Plan {plan.Id} is {plan.Status} and locked: a correction is a new plan.")
            : null;
    }

    private static PlanStep? Required(string? text, string field, int max) =>
        string.IsNullOrWhiteSpace(text) ? PlanStep.Refuse(PlanRefusal.Invalid, $"{field} is required.", field)
        : text.Length > max ? PlanStep.Refuse(PlanRefusal.Invalid, $"{field} is at most {max} characters.", field)
        : null;

    private static PlanStep? Topic(string? topic) =>
        topic is not null && PlanTopics.All.Contains(topic) ? null
        : PlanStep.Refuse(PlanRefusal.Invalid, $"The topic is one of {string.Join(", ", PlanTopics.All)}.", "topic");

    private static PlanStep? Mode(string? mode) =>
        mode is not null && CaseModes.All.Contains(mode) ? null
        : PlanStep.Refuse(PlanRefusal.Invalid, $"The mode is one of {string.Join(", ", CaseModes.All)}.", "mode");

    private static PlanStep? Timing(InspectionPlan plan, string? plannedIn) =>
        !PlanTiming.TryParse(plannedIn, out var from, out var to)
            ? PlanStep.Refuse(PlanRefusal.Invalid, "plannedIn is a quarter (2026-Q2) or a month (2026-05).", "plannedIn")
            : !plan.Overlaps(from, to)
                ? PlanStep.Refuse(PlanRefusal.Invalid, $"{plannedIn} is outside the plan's period {Day(plan.PeriodFrom)}–{Day(plan.PeriodTo)}.", "plannedIn")
                : null;

    private static PlanStep? Duplicate(InspectionPlan plan, string code, string topic, int? except) =>
        plan.Entries.FirstOrDefault(e => e.EnterpriseCode == code && e.Topic == topic && e.Number != except) is { } twin
            ? PlanStep.Refuse(PlanRefusal.Invalid, $"Entry {Text(twin.Number)} already plans enterprise {code} on {topic}.", "topic")
            : null;

    private static PlanEntry? Find(InspectionPlan plan, int number) => plan.Entries.FirstOrDefault(e => e.Number == number);

    private static PlanStep NoSuchEntry(int number) => PlanStep.Refuse(PlanRefusal.NotFound, $"The plan has no entry {Text(number)}.", "number");

    private static InspectionPlan Next(InspectionPlan plan) => plan with { Version = plan.Version + 1 };

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PlanStep Step(InspectionPlan plan, string action, params (string Key, string? Value)[] details) =>
        new(plan, null, action, details.Append((Key: "plan", Value: (string?)plan.Id)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}
