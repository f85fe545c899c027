using System.Collections.Immutable;
using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>Publishes the history the simulator starts with: registrations, then month by month the filings.</summary>
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
        var plans = new EnterprisePlan[enterprises.Count];
        var planted = ImmutableArray.CreateBuilder<GroundTruthEntry>();
        foreach (var enterprise in enterprises)
        {
            var plan = Plan(seed, enterprise.Index, firstMonth, months, violationRate);
            plans[enterprise.Index] = plan;
            if (plan.Planting is { } planting)
            {
                planted.Add(new GroundTruthEntry(enterprise.Code, planting.RuleId, plan.PlantedMonth.ToString()));
            }
        }

        var log = new PublicationLog(enterprises.Count, months);
        foreach (var enterprise in enterprises)
        {
            log.Publish(Fact.Registration(enterprise.Index, YearMonth.Of(enterprise.RegisteredOn), 1, EnterpriseStatus.Active));
        }

        for (var month = firstMonth; month < firstMonth.Plus(months); month = month.Next)
        {
            // A status change takes effect on the first day of its month, before that month's filings.
            for (var index = 0; index < plans.Length; index++)
            {
                if (plans[index].Status != EnterpriseStatus.Active && plans[index].StatusMonth == month)
                {
                    log.Publish(Fact.Registration(index, month, 2, plans[index].Status));
                }
            }

            for (var index = 0; index < plans.Length; index++)
            {
                if (plans[index].VariantIn(month) is { } variant)
                {
                    log.Publish(Fact.Filing(index, Registry.Tax, month, 1, variant));
                    log.Publish(Fact.Filing(index, Registry.SocialInsurance, month, 1, variant));
                }
            }
        }

        groundTruth = planted.ToImmutable();
        return log;
    }

    private static EnterprisePlan Plan(int seed, int index, YearMonth firstMonth, int months, double violationRate)
    {
        var random = DeterministicRandom.For(seed, (int)Draw.Plan, index);

        // A status change needs an earlier month in which the enterprise was still trading.
        var canChangeStatus = months >= 2;
        if (random.NextDouble() < violationRate)
        {
            var planting = random.Pick(canChangeStatus ? Plantings.All : Plantings.WithinOneMonth);
            if (planting.ChangesStatus)
            {
                var statusMonth = firstMonth.Plus(random.Next(1, months));
                return new EnterprisePlan(planting.Status, statusMonth, planting, statusMonth, statusMonth.Plus(random.Next(0, 3)));
            }

            return new EnterprisePlan(EnterpriseStatus.Active, default, planting, firstMonth.Plus(random.Next(0, months)), default);
        }

        if (!canChangeStatus)
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
}
