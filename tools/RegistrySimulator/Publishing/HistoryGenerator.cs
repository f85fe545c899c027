using System.Collections.Immutable;
using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Records;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>Publishes the history the simulator starts with: registrations, then month by month the other records.</summary>
internal static class HistoryGenerator
{
    public static PublicationLog Publish(
        IReadOnlyList<Enterprise> enterprises,
        int seed,
        YearMonth firstMonth,
        int months,
        double violationRate,
        out ImmutableArray<GroundTruthEntry> groundTruth)
    {
        var reportMonths = Enumerable.Range(0, months).Select(firstMonth.Plus).Where(EnterprisePlan.IsReportMonth).ToArray();
        var plans = new EnterprisePlan[enterprises.Count];
        var planted = ImmutableArray.CreateBuilder<GroundTruthEntry>();
        foreach (var enterprise in enterprises)
        {
            var plan = Plan(seed, enterprise, firstMonth, months, reportMonths, violationRate);
            plans[enterprise.Index] = plan;
            if (plan.Planting is { } planting)
            {
                planted.Add(new GroundTruthEntry(enterprise.Code, planting.RuleId, plan.PlantedMonth.ToString()));
            }
        }

        var log = new PublicationLog(enterprises, months);
        foreach (var enterprise in enterprises)
        {
            log.Publish(Fact.Registration(enterprise.Index, YearMonth.Of(enterprise.RegisteredOn), 1, EnterpriseStatus.Active));
        }

        var figures = new FilingFigures(seed);
        for (var month = firstMonth; month < firstMonth.Plus(months); month = month.Next)
        {
            // A status change takes effect on the first day of its month, before that month's records.
            for (var index = 0; index < plans.Length; index++)
            {
                if (plans[index].Status != EnterpriseStatus.Active && plans[index].StatusMonth == month)
                {
                    log.Publish(Fact.Registration(index, month, 2, plans[index].Status));
                }
            }

            foreach (var enterprise in enterprises)
            {
                PublishMonth(log, figures, enterprise, month, plans[enterprise.Index]);
            }
        }

        groundTruth = planted.ToImmutable();
        return log;
    }

    /// <summary>
    /// Publishes one enterprise's records of a month as the plan says: tax return, contribution, workforce
    /// report (June and December), accidents (rare) and monitoring summary (enterprises with a station).
    /// </summary>
    public static void PublishMonth(PublicationLog log, FilingFigures figures, Enterprise enterprise, YearMonth month, in EnterprisePlan plan)
    {
        var index = enterprise.Index;
        if (plan.FilingIn(month) is { } filing)
        {
            if (!plan.MissesReturnIn(month))
            {
                log.Publish(Fact.Filing(index, Registry.Tax, month, 1, filing));
            }

            log.Publish(Fact.Filing(index, Registry.SocialInsurance, month, 1, filing));
        }

        if (plan.WorkforceReportIn(month) is { } report)
        {
            log.Publish(Fact.WorkforceReport(index, month, 1, report));
        }

        if (plan.ActiveIn(month))
        {
            var accidents = figures.CleanAccidents(enterprise, month);
            for (var number = 1; number <= accidents; number++)
            {
                log.Publish(Fact.Accident(index, month, 1, number, AccidentVariant.Clean));
            }

            if (plan.PlantsAccidentIn(month))
            {
                log.Publish(Fact.Accident(index, month, 1, accidents + 1, AccidentVariant.NotDeclared));
            }
        }

        if (enterprise.Sector.HasStation && plan.MonitoringSummaryIn(month) is { } summary)
        {
            log.Publish(Fact.MonitoringSummary(index, month, 1, summary));
        }
    }

    private static EnterprisePlan Plan(
        int seed, Enterprise enterprise, YearMonth firstMonth, int months, YearMonth[] reportMonths, double violationRate)
    {
        var random = DeterministicRandom.For(seed, (int)Draw.Plan, enterprise.Index);

        if (random.NextDouble() < violationRate)
        {
            var planting = PickPlanting(ref random, enterprise.Sector.HasStation, months, reportMonths.Length > 0);
            var plantedMonth = planting.NeedsWorkforceReport
                ? random.Pick(reportMonths)
                : firstMonth.Plus(random.Next(planting.EarlierMonths, months - planting.LaterMonths));
            return planting.ChangesStatus
                ? new EnterprisePlan(planting.Status, plantedMonth, planting, plantedMonth, plantedMonth.Plus(random.Next(0, 3)))
                : new EnterprisePlan(EnterpriseStatus.Active, default, planting, plantedMonth, default);
        }

        // A status change needs an earlier month in which the enterprise was still trading.
        if (months < 2)
        {
            return default;
        }

        var status = random.NextDouble() switch
        {
            < 0.03 => EnterpriseStatus.Suspended,
            < 0.05 => EnterpriseStatus.Dissolved,
            < 0.065 => EnterpriseStatus.NotAtAddress,
            _ => EnterpriseStatus.Active,
        };
        return new EnterprisePlan(status, firstMonth.Plus(random.Next(1, months)), null, default, default);
    }

    /// <summary>
    /// A rule the enterprise can break in this history: station rules only with a station (and then with
    /// <see cref="Plantings.StationRuleShare"/>, so that every rule is about equally common), rules whose month
    /// needs earlier or later months (<see cref="Planting.EarlierMonths"/>, <see cref="Planting.LaterMonths"/>)
    /// only in a history that long, workforce-report rules only with a June or December.
    /// </summary>
    private static Planting PickPlanting(ref DeterministicRandom random, bool hasStation, int months, bool hasReportMonth)
    {
        var stationRule = random.NextDouble() < Plantings.StationRuleShare;
        var candidates = Plantings.All
            .Where(planting => planting.EarlierMonths + planting.LaterMonths < months && (hasReportMonth || !planting.NeedsWorkforceReport))
            .Where(planting => !planting.NeedsStation || hasStation)
            .ToList();
        var preferred = candidates.Where(planting => planting.NeedsStation == (hasStation && stationRule)).ToList();
        return random.Pick(preferred.Count > 0 ? preferred : candidates);
    }
}
