using Inspection.Contracts.Audit;
using Inspection.Contracts.RulePacks;
using Inspection.Rules;
using Inspection.Silo.Storage;

namespace Inspection.Silo.RulePacks;

/// <summary>
/// The rule pack in force on this silo: the pack loaded at start (the shipped one, or <c>Rules:PackPath</c>)
/// with every promotion of a dry-run version applied, in the order they were made. Promotions live in
/// the database, so that they outlive restarts and reach every silo, which refreshes its pack from them.
/// </summary>
public sealed partial class RulePackProvider(RulePack loaded, IRulePromotions promotions, IAuditTrail audit, TimeProvider time, ILogger<RulePackProvider> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Applied _applied = new(loaded, 0);

    /// <summary>The pack the rules are evaluated by; facts laid out by any earlier one can be evaluated by it.</summary>
    public RulePack Current => _applied.Pack;

    /// <summary>How many promotions apply over the loaded pack.</summary>
    public int Promotions => _applied.Count;

    /// <summary>Applies the promotions made since the last refresh (by any silo).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var made = await promotions.ListAsync(loaded.Id, ct);
        if (made.Count == _applied.Count)
        {
            return;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var pack = loaded;
            foreach (var promotion in made)
            {
                try
                {
                    pack = pack.Promote(promotion.RuleId, promotion.RuleVersion);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                {
                    // The loaded pack was replaced since (that version is live in it, or gone): nothing to apply.
                    LogPromotionSkipped(logger, promotion.RuleId, promotion.RuleVersion, ex.Message);
                }
            }

            _applied = new Applied(pack, made.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes a dry-run version live for the whole platform, and writes who did it to the audit trail.</summary>
    public async Task<(PromotionOutcome Outcome, string? Problem)> PromoteAsync(string ruleId, int version, string actor, CancellationToken ct)
    {
        await RefreshAsync(ct);
        var current = Current;
        var before = current.Rules.FirstOrDefault(rule => rule.Id == ruleId && rule.Version == version);
        if (before is null)
        {
            return (PromotionOutcome.NotFound, $"The rule pack has no rule '{ruleId}' version {version}.");
        }

        RulePack promoted;
        try
        {
            promoted = current.Promote(ruleId, version);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return (PromotionOutcome.Refused, ex.Message);
        }

        var at = time.GetUtcNow();
        if (!await promotions.AddAsync(loaded.Id, new RulePromotion(ruleId, version, actor, at), ct))
        {
            return (PromotionOutcome.Refused, $"Rule '{ruleId}' version {version} has been promoted already.");
        }

        // What the promotion changed, as the audit trail keeps it: each other version of the rule, before and after.
        var changes = current.Rules.Zip(promoted.Rules)
            .Where(pair => pair.First.Id == ruleId && pair.First != pair.Second)
            .Select(pair => ($"v{pair.First.Version}", (string?)$"{Describe(pair.First)} -> {Describe(pair.Second)}"));
        await audit.AppendAsync(
            new AuditEvent(actor, Contracts.Identity.InspectionRoles.Admin, "rule-version.promoted", $"rule:{ruleId}@{version}",
                changes.Append(("pack", $"{loaded.Id} {loaded.Version}")).ToDictionary(change => change.Item1, change => change.Item2, StringComparer.Ordinal)),
            ct);
        await RefreshAsync(ct);
        LogPromoted(logger, ruleId, version);
        return (PromotionOutcome.Promoted, null);
    }

    private static string Describe(Rule rule) =>
        $"{rule.Stage} {rule.ValidFrom:yyyy-MM-dd}..{(rule.ValidTo is { } end ? end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The promotion of rule {RuleId} version {Version} no longer applies to the loaded rule pack: {Reason}")]
    private static partial void LogPromotionSkipped(ILogger logger, string ruleId, int version, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {RuleId} version {Version} was promoted from dry run to live")]
    private static partial void LogPromoted(ILogger logger, string ruleId, int version);

    private sealed record Applied(RulePack Pack, int Count);
}
