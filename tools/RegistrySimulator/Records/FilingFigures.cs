using System.Globalization;
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
        var cleanRevenue = RoundTo(enterprise.MonthlyRevenue * Season[month.Month - 1] * random.NextDouble(0.9, 1.1), 1_000);
        var inputShare = random.NextDouble(0.45, 0.85);
        var invoiceShare = random.NextDouble(0.8, 1.2);
        var daysEarly = random.Next(0, 15);
        var daysLate = random.Next(3, 46);
        var overdueDays = random.Next(31, 181);

        // Drawn after the others, so that they keep the values they had before these variants existed.
        var underdeclaredVatShare = random.NextDouble(0.01, 0.04);
        var collapsedShare = random.NextDouble(0.10, 0.25);

        var periodStart = month.FirstDay;
        var dueDate = month.Next.FirstDay.AddDays(19);
        if (variant == MonthVariant.Dormant)
        {
            return new VatReturnData(periodStart, dueDate, dueDate.AddDays(-daysEarly), 0, 0, 0, 0, 0, 0);
        }

        // Clean revenue never falls more than about 45% below the mean of the three months before (season times
        // 0.9–1.1); a tenth to a quarter of it falls at least 66% below, past the collapse rule's 60%.
        var revenue = variant == MonthVariant.RevenueCollapse ? RoundTo(cleanRevenue * collapsedShare, 1_000) : cleanRevenue;
        var outputVat = variant == MonthVariant.OutputVatUnderdeclared ? (long)Math.Round(revenue * underdeclaredVatShare) : revenue / 10;
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
        var insuredShareWhenPartlyInsuring = random.NextDouble(0.55, 0.65);

        var insured = variant switch
        {
            MonthVariant.InsuredBelowPayroll => (int)(payroll * insuredShareWhenEvading),

            // At least half (so that the insured-below-payroll rule does not fire), below 70%.
            MonthVariant.WorkforceNotInsured => Math.Max((payroll + 1) / 2, (int)(payroll * insuredShareWhenPartlyInsuring)),

            // More than any clean month insures (at most the payroll, within 5% of the usual headcount), so no
            // fewer than the months before, and more than the payroll and the reported workforce.
            MonthVariant.RevenueCollapse => enterprise.Headcount * 11 / 10 + 1,
            _ => payroll - notYetInsured,
        };
        var due = (long)Math.Round(insured * enterprise.MonthlySalary * ContributionRate);
        return variant == MonthVariant.Arrears
            ? new ContributionData(insured, due, 0, monthsInArrears)
            : new ContributionData(insured, due, due, 0);
    }

    /// <summary>
    /// The half-year workforce report of June or December: the month's payroll headcount (what the tax return
    /// shows), received on time unless <see cref="WorkforceVariant.Late"/>.
    /// </summary>
    public WorkforceReportData WorkforceReport(Enterprise enterprise, YearMonth month, WorkforceVariant variant)
    {
        var random = DeterministicRandom.For(seed, (int)Draw.WorkforceReport, enterprise.Index, month.Index);
        var daysEarly = random.Next(0, 21);
        var daysLate = random.Next(3, 41);

        var dueDate = new DateOnly(month.Year, month.Month, 5);
        var workforce = variant switch
        {
            WorkforceVariant.UnderReported => Contribution(enterprise, month, MonthVariant.InsuredBelowPayroll).InsuredHeadcount,
            WorkforceVariant.Dormant => 0,
            _ => Payroll(enterprise, month),
        };
        return new WorkforceReportData(workforce, dueDate, variant == WorkforceVariant.Late ? dueDate.AddDays(daysLate) : dueDate.AddDays(-daysEarly));
    }

    /// <summary>How many (clean) accidents the enterprise has in a month it trades: mostly none.</summary>
    public int CleanAccidents(Enterprise enterprise, YearMonth month)
    {
        var random = DeterministicRandom.For(seed, (int)Draw.AccidentCount, enterprise.Index, month.Index);
        var rate = enterprise.Sector.MonthlyAccidentRate;
        var draw = random.NextDouble();
        return draw < rate * 0.05 ? 2 : draw < rate ? 1 : 0;
    }

    /// <summary>
    /// The <paramref name="number"/>th accident of the month. Clean: mostly at most one serious injury and no
    /// fatality, declared or not; sometimes worse, and then declared immediately. Not declared: two or more
    /// victims, declared late or never.
    /// </summary>
    public AccidentReportData Accident(Enterprise enterprise, YearMonth month, int number, AccidentVariant variant)
    {
        var random = DeterministicRandom.For(seed, (int)Draw.Accident, enterprise.Index, month.Index * 64 + number);
        var day = random.Next(1, DateTime.DaysInMonth(month.Year, month.Month) + 1);
        var severe = random.NextDouble() < 0.15;
        var minorSeriousInjuries = random.NextDouble() < 0.4 ? 1 : 0;
        var minorDeclaration = random.NextDouble() switch
        {
            < 0.5 => "immediate",
            < 0.8 => "late",
            _ => "none",
        };
        var severeFatalities = random.Next(0, 2);
        var severeSeriousInjuries = random.Next(2 - severeFatalities, 4);
        var hiddenFatalities = random.Next(0, 3);
        var hiddenSeriousInjuries = random.Next(Math.Max(0, 2 - hiddenFatalities), 5);
        var hiddenDeclaration = random.NextDouble() < 0.5 ? "late" : "none";

        var occurredOn = new DateOnly(month.Year, month.Month, day);
        if (variant == AccidentVariant.NotDeclared)
        {
            return new AccidentReportData(occurredOn, hiddenSeriousInjuries, hiddenFatalities, hiddenDeclaration);
        }

        return severe
            ? new AccidentReportData(occurredOn, severeSeriousInjuries, severeFatalities, "immediate")
            : new AccidentReportData(occurredOn, minorSeriousInjuries, 0, minorDeclaration);
    }

    /// <summary>
    /// A month of the enterprise's wastewater monitoring station: discharge in proportion to the workforce,
    /// parameters well under the permit's limits (QCVN 40 column A or B) and near-complete transmission,
    /// unless the variant says otherwise.
    /// </summary>
    public MonitoringSummaryData MonitoringSummary(Enterprise enterprise, YearMonth month, StationVariant variant)
    {
        var profile = DeterministicRandom.For(seed, (int)Draw.Station, enterprise.Index);
        var columnA = profile.NextDouble() < 0.5;
        var perWorker = enterprise.Sector.DischargePerWorker ?? (0, 0);
        var dischargePerWorker = profile.NextDouble(perWorker.Min, perWorker.Max);
        var codLimit = columnA ? 75 : 150;
        var tssLimit = columnA ? 50 : 100;
        var stationId = string.Create(CultureInfo.InvariantCulture, $"{enterprise.Province.Code}-QTTD-{enterprise.Index + 1:D6}");

        var random = DeterministicRandom.For(seed, (int)Draw.StationMonth, enterprise.Index, month.Index);
        var discharge = (long)Math.Round(Payroll(enterprise, month) * dischargePerWorker * random.NextDouble(0.85, 1.15));
        var codMax = Math.Round(codLimit * random.NextDouble(0.35, 0.85), 1);
        var tssMax = Math.Round(tssLimit * random.NextDouble(0.3, 0.85), 1);
        var uptime = Math.Round(random.NextDouble(98, 100), 1);
        var codExceeded = random.NextDouble() < 0.6;
        var exceedance = random.NextDouble(1.15, 2.2);
        var hoursOverLimit = random.Next(3, 49);
        var gappedUptime = Math.Round(random.NextDouble(55, 89), 1);

        return variant switch
        {
            StationVariant.OverLimit when codExceeded =>
                new(stationId, discharge, Math.Round(codLimit * exceedance, 1), codLimit, tssMax, tssLimit, hoursOverLimit, uptime),
            StationVariant.OverLimit =>
                new(stationId, discharge, codMax, codLimit, Math.Round(tssLimit * exceedance, 1), tssLimit, hoursOverLimit, uptime),
            StationVariant.TransmissionGap => new(stationId, discharge, codMax, codLimit, tssMax, tssLimit, 0, gappedUptime),
            StationVariant.NoDischarge => new(stationId, 0, 0, codLimit, 0, tssLimit, 0, uptime),
            _ => new(stationId, Math.Max(1, discharge), codMax, codLimit, tssMax, tssLimit, 0, uptime),
        };
    }

    private static long RoundTo(double value, long unit) => (long)Math.Round(value / unit) * unit;
}
