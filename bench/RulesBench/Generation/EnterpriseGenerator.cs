using System.Globalization;

namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// Makes enterprises one after another from a seed, the same ones every run: each with its
/// registration and a run of five to eight (one in ten: twelve) consecutive months ending in September
/// or October 2026, so that every run holds June 2026 (a labour-change report) and three months before
/// its last (the revenue window). Every month has a VAT return and a social-insurance contribution,
/// enterprises of manufacturing and food service a monitoring summary, June and December a labour-change
/// report, and a few months an accident. About <see cref="PlantedShare"/> of the enterprises have one
/// violation planted (<see cref="Plants"/>), the rule drawn among those that can be planted in them; the
/// rest are clean as docs/REGISTRIES.md defines it, with its rare harmless cases: enterprises registered
/// during their first month, suspended, dissolved or gone from their address with dormant returns after,
/// a few without a registration record, accidents declared at once or with one serious injury, and a
/// few accident reports with no declaration (unknown, so no rule may fire on them).
/// </summary>
internal sealed class EnterpriseGenerator(int seed)
{
    /// <summary>The assessment date: every enterprise is judged as of it.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 28);

    /// <summary>The permit's COD limit, mg/L.</summary>
    public const double CodLimit = 150;

    /// <summary>The permit's TSS limit, mg/L.</summary>
    public const double TssLimit = 100;

    /// <summary>The share of enterprises with a planted violation.</summary>
    public const double PlantedShare = 0.04;

    // Revenue by calendar month: the run-up to Tết in January and December, the holiday itself in February.
    private static readonly double[] Season = [1.15, 0.75, 0.95, 1.0, 1.0, 0.98, 0.97, 1.0, 1.02, 1.03, 1.05, 1.15];

    private static readonly (string Code, string Name)[] Provinces =
    [
        ("01", "Hà Nội"), ("79", "TP. Hồ Chí Minh"), ("48", "Đà Nẵng"), ("31", "Hải Phòng"), ("74", "Bình Dương"), ("75", "Đồng Nai"),
    ];

    private static readonly string[] Declarations = ["immediate", "late", "none"];

    private readonly Random random = new(seed);
    private int count;

    public GeneratedEnterprise Next()
    {
        var code = (100_000_000 + count++).ToString("D10", CultureInfo.InvariantCulture);
        var sector = SectorProfile.All[random.Next(SectorProfile.All.Count)];
        var last = new DateOnly(2026, random.NextDouble() < 0.8 ? 10 : 9, 1);
        var length = random.NextDouble() < 0.1 ? 12 : random.Next(5, 9);
        var months = Enumerable.Range(0, length).Select(i => new MonthPlan(last.AddMonths(i - length + 1))).ToList();
        var plan = new EnterprisePlan(code, sector, months)
        {
            Headcount = random.NextDouble() < 0.15 ? random.Next(2, 10) : (int)LogUniform(sector.Headcount.Min, sector.Headcount.Max),
            Province = Provinces[random.Next(Provinces.Length)],
        };

        var revenuePerWorker = LogUniform(sector.RevenuePerWorker.Min, sector.RevenuePerWorker.Max);
        var vatRate = random.NextDouble() < 0.3 ? 0.08 : 0.1;
        var salary = Thousands(LogUniform(6_000_000, 15_000_000));
        foreach (var month in months)
        {
            Trade(plan, month, revenuePerWorker, vatRate, salary);
        }

        Register(plan);
        var planted = random.NextDouble() < PlantedShare ? PlantOne(plan) : [];
        return new GeneratedEnterprise(code, RegistryRecords.Write(plan), planted);
    }

    /// <summary>From <paramref name="from"/> on, the enterprise files dormant returns and contributions, and neither station summaries nor labour reports.</summary>
    public static void StopTrading(EnterprisePlan plan, MonthPlan from)
    {
        foreach (var month in plan.Months.Where(month => month.Start >= from.Start))
        {
            (month.Revenue, month.OutputVat, month.InputVat, month.InvoicesIssued, month.PayrollHeadcount) = (0, 0, 0, 0, 0);
            (month.InsuredHeadcount, month.ContributionDue, month.ContributionPaid) = (0, 0, 0);
            month.HasMonitoringSummary = false;
            month.HasWorkforceReport = false;
        }
    }

    /// <summary>A VND amount rounded to the thousand, as the registries report them.</summary>
    public static double Thousands(double vnd) => Math.Round(vnd / 1000) * 1000;

    private void Trade(EnterprisePlan plan, MonthPlan month, double revenuePerWorker, double vatRate, double salary)
    {
        var spread = plan.Headcount / 20;
        month.PayrollHeadcount = Math.Max(1, plan.Headcount + random.Next(-spread, spread + 1));
        month.InsuredHeadcount = month.PayrollHeadcount - random.Next(0, (month.PayrollHeadcount * 8 / 100) + 1);
        month.Revenue = Thousands(plan.Headcount * revenuePerWorker * Season[month.Start.Month - 1] * Between(0.9, 1.1));
        month.OutputVat = Thousands(month.Revenue * vatRate);
        month.InputVat = Thousands(month.OutputVat * Between(0.45, 0.85));
        month.InvoicesIssued = Math.Max(1, (int)(month.Revenue * Between(0.8, 1.2) / plan.Sector.AverageInvoice));
        month.FiledOn = month.DueDate.AddDays(-random.Next(0, 15));
        month.ContributionDue = Thousands(month.InsuredHeadcount * salary * 0.25);
        month.ContributionPaid = month.ContributionDue;
        if (month.Start.Month is 6 or 12)
        {
            month.HasWorkforceReport = true;
            month.ReportedWorkforce = month.PayrollHeadcount;
            month.WorkforceSubmittedOn = month.WorkforceDueDate.AddDays(-random.Next(0, 5));
        }

        if (plan.HasStation)
        {
            month.HasMonitoringSummary = true;
            month.DischargeM3 = Math.Round(month.PayrollHeadcount * Between(4, 40));
            month.CodMax = Math.Round(Between(30, 140), 1);
            month.TssMax = Math.Round(Between(10, 90), 1);
            month.UptimePercent = Math.Round(Between(98, 100), 1);
        }

        // Accidents are rare; twice the sector's rate, so that a million enterprises hold a few thousand of each kind.
        if (random.NextDouble() < plan.Sector.MonthlyAccidentRate * 2)
        {
            var day = month.Start.AddDays(random.Next(0, 28));
            plan.Accidents.Add(random.NextDouble() switch
            {
                < 0.6 => new AccidentPlan(day, 1, 0, Declarations[random.Next(Declarations.Length)]),
                < 0.9 => new AccidentPlan(day, random.Next(0, 3), random.Next(1, 3), "immediate"),
                _ => new AccidentPlan(day, random.Next(0, 4), random.Next(0, 2), null),
            });
        }
    }

    private void Register(EnterprisePlan plan)
    {
        var first = plan.Months[0].Start;
        plan.HasRegistration = random.NextDouble() >= 0.002;
        plan.RegisteredOn = random.NextDouble() < 0.03
            ? first.AddDays(random.Next(1, 28))
            : DateOnly.FromDayNumber(random.Next(new DateOnly(2008, 1, 1).DayNumber, new DateOnly(2025, 1, 1).DayNumber));
        plan.StatusSince = plan.RegisteredOn;
        var draw = random.NextDouble();
        if (plan.RegisteredOn >= first)
        {
            return;
        }

        if (draw < 0.01)
        {
            plan.Status = "not-at-address";
            plan.StatusSince = DateOnly.FromDayNumber(random.Next(plan.RegisteredOn.DayNumber, first.DayNumber + 1));
            plan.StatusChanged = true;
        }
        else if (draw < 0.035)
        {
            // Suspended or dissolved during a month after the first: dormant from that month on, as clean data is.
            var month = plan.Months[random.Next(1, plan.Months.Count)];
            plan.Status = draw < 0.025 ? "suspended" : "dissolved";
            plan.StatusSince = month.Start.AddDays(random.Next(0, 28));
            plan.StatusChanged = true;
            StopTrading(plan, month);
        }
    }

    private List<PlantedViolation> PlantOne(EnterprisePlan plan)
    {
        var possible = Plants.All.Select(plant => (Plant: plant, Months: plant.Candidates(plan))).Where(option => option.Months.Count > 0).ToList();
        if (possible.Count == 0)
        {
            return [];
        }

        var (chosen, months) = possible[random.Next(possible.Count)];
        return [new PlantedViolation(chosen.RuleId, chosen.Apply(plan, months[random.Next(months.Count)], random))];
    }

    private double Between(double min, double max) => min + (random.NextDouble() * (max - min));

    private double LogUniform(double min, double max) => Math.Exp(Between(Math.Log(min), Math.Log(max)));
}
