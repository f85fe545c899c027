using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Records;

/// <summary>
/// An enterprise's monthly figures, drawn from its profile, the month and the month's variant: the same
/// inputs always give the same figures, so nothing but the variant needs storing.
/// </summary>
internal sealed class FilingFigures(int seed)
{
    // Social-insurance contributions: employer 3% + 14%, employee 8% of the insurable salary.
    private const double ContributionRate = 0.25;

    // Revenue by calendar month: the run-up to Tết in January and December, the holiday itself in February.
    private static readonly double[] Season = [1.15, 0.75, 0.95, 1.0, 1.0, 0.98, 0.97, 1.0, 1.02, 1.03, 1.05, 1.15];

    /// <summary>Employees on the PIT-withholding payroll in a trading month: within 5% of the usual headcount.</summary>
    public int Payroll(Enterprise enterprise, YearMonth month)
    {
        var random = DeterministicRandom.For(seed, (int)Draw.Payroll, enterprise.Index, month.Index);
        var spread = enterprise.Headcount / 20;
        return enterprise.Headcount + random.Next(-spread, spread + 1);
    }

    public VatReturnData VatReturn(Enterprise enterprise, YearMonth month, MonthVariant variant)
    {
        // Every value is drawn whatever the variant, so that a variant changes only what it is about.
        var random = DeterministicRandom.For(seed, (int)Draw.VatReturn, enterprise.Index, month.Index);
        var revenue = RoundTo(enterprise.MonthlyRevenue * Season[month.Month - 1] * random.NextDouble(0.9, 1.1), 1_000);
        var inputShare = random.NextDouble(0.45, 0.85);
        var invoiceShare = random.NextDouble(0.8, 1.2);
        var daysEarly = random.Next(0, 15);
        var daysLate = random.Next(3, 46);
        var overdueDays = random.Next(31, 181);

        var periodStart = month.FirstDay;
        var dueDate = month.Next.FirstDay.AddDays(19);
        if (variant == MonthVariant.Dormant)
        {
            return new VatReturnData(periodStart, dueDate, dueDate.AddDays(-daysEarly), 0, 0, 0, 0, 0, 0);
        }

        var outputVat = revenue / 10;
        return new VatReturnData(
            periodStart,
            dueDate,
            variant == MonthVariant.LateFiling ? dueDate.AddDays(daysLate) : dueDate.AddDays(-daysEarly),
            revenue,
            outputVat,
            RoundTo(outputVat * inputShare, 1_000),
            Math.Max(1, (int)(revenue * invoiceShare / enterprise.Sector.AverageInvoice)),
            Payroll(enterprise, month),
            variant == MonthVariant.DebtOverdue ? overdueDays : 0);
    }

    public ContributionData Contribution(Enterprise enterprise, YearMonth month, MonthVariant variant)
    {
        if (variant == MonthVariant.Dormant)
        {
            return new ContributionData(0, 0, 0, 0);
        }

        var random = DeterministicRandom.For(seed, (int)Draw.Contribution, enterprise.Index, month.Index);
        var payroll = Payroll(enterprise, month);

        // Clean data: at most 8% of the payroll (new hires) not yet insured.
        var notYetInsured = random.Next(0, payroll * 8 / 100 + 1);
        var insuredShareWhenEvading = random.NextDouble(0.2, 0.45);
        var monthsInArrears = random.Next(2, 5);

        var insured = variant == MonthVariant.InsuredBelowPayroll
            ? (int)(payroll * insuredShareWhenEvading)
            : payroll - notYetInsured;
        var due = (long)Math.Round(insured * enterprise.MonthlySalary * ContributionRate);
        return variant == MonthVariant.Arrears
            ? new ContributionData(insured, due, 0, monthsInArrears)
            : new ContributionData(insured, due, due, 0);
    }

    private static long RoundTo(double value, long unit) => (long)Math.Round(value / unit) * unit;
}
