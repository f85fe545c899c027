using Inspection.Rules.Evaluation;

namespace Inspection.Rules.Features;

/// <summary>
/// An enterprise's numbers as the anomaly detectors and the supervised model read them (đặc trưng): a
/// fixed vector of ratios and levels over its latest three months, drawn from the records the rules
/// read. A feature the enterprise's records cannot give (no monitoring station, no payroll) is NaN.
/// </summary>
public static class EnterpriseFeatures
{
    private const string Tax = "tax";
    private const string VatReturn = "vat-return";
    private const string SocialInsurance = "social-insurance";
    private const string Contribution = "contribution";
    private const string Environment = "environment";
    private const string MonitoringSummary = "monitoring-summary";
    private const int Months = 3;

    /// <summary>The features, in the order of <see cref="Of"/>'s vector.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "revenue", "revenueChangePct", "outputVatShare", "inputToOutputVat", "invoicesPerBillion", "payrollHeadcount",
        "insuredShare", "contributionPaidShare", "monthsInArrears", "filingDelayDays", "overdueDays", "revenuePerWorker",
        "hoursOverLimit", "uptimePercent",
    ];

    /// <summary>
    /// The features of the three months up to the latest VAT return at or before <paramref name="asOf"/>;
    /// null when the enterprise has no such return (nothing to judge it by).
    /// </summary>
    public static double[]? Of(FactSet facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var months = ReturnMonths(facts, asOf);
        return months.Count == 0 ? null : At(facts, months[^1]);
    }

    /// <summary>
    /// The features as they stood at each of the enterprise's last <paramref name="months"/> VAT returns at or
    /// before <paramref name="asOf"/>, oldest first: its own history, which its latest month is judged against.
    /// </summary>
    public static IReadOnlyList<double[]> History(FactSet facts, DateOnly asOf, int months)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var returns = ReturnMonths(facts, asOf);
        return [.. returns.Skip(Math.Max(0, returns.Count - months)).Select(month => At(facts, month))];
    }

    /// <summary>The months of the VAT returns at or before the date, oldest first, each once.</summary>
    private static List<int> ReturnMonths(FactSet facts, DateOnly asOf)
    {
        var asOfIndex = Periods.Index(asOf);
        var months = new SortedSet<int>();
        foreach (var record in facts.Of(Tax, VatReturn))
        {
            if (record.PeriodIndex != Periods.None && record.PeriodIndex <= asOfIndex)
            {
                months.Add(record.PeriodIndex);
            }
        }

        return [.. months];
    }

    private static double[] At(FactSet facts, int latest)
    {
        var shapes = facts.Pack.Shapes;
        var window = (From: latest - Months + 1, To: latest);
        var tax = new Columns(facts, shapes.Find(Tax, VatReturn), Tax, VatReturn, window);
        var contributions = new Columns(facts, shapes.Find(SocialInsurance, Contribution), SocialInsurance, Contribution, window);
        var monitoring = new Columns(facts, shapes.Find(Environment, MonitoringSummary), Environment, MonitoringSummary, window);

        var revenue = tax.Latest("revenue");
        var before = new Columns(facts, shapes.Find(Tax, VatReturn), Tax, VatReturn, (latest - Months, latest - 1)).Mean("revenue");
        var payroll = tax.Mean("payrollHeadcount");
        return
        [
            revenue,
            before is > 0 ? 100 * (revenue - before) / before : double.NaN,
            Ratio(tax.Sum("outputVat"), tax.Sum("revenue")),
            Ratio(tax.Sum("inputVat"), tax.Sum("outputVat")),
            Ratio(tax.Sum("invoicesIssued"), tax.Sum("revenue") / 1e9),
            payroll,
            Ratio(contributions.Mean("insuredHeadcount"), payroll),
            Ratio(contributions.Sum("contributionPaid"), contributions.Sum("contributionDue")),
            contributions.Max("monthsInArrears"),
            tax.MeanDifference("filedOn", "dueDate"),
            tax.Max("overdueDays"),
            Ratio(tax.Mean("revenue"), payroll),
            monitoring.Max("hoursOverLimit"),
            monitoring.Min("uptimePercent"),
        ];
    }

    private static double Ratio(double numerator, double denominator) =>
        denominator is > 0 && double.IsFinite(numerator) ? numerator / denominator : double.NaN;

    /// <summary>One kind's records of the window, read column by column; every aggregate ignores unknown values.</summary>
    private readonly struct Columns(FactSet facts, Language.RecordShape? shape, string registry, string kind, (int From, int To) window)
    {
        public double Latest(string field) => Fold(field, double.NaN, (_, value) => value, (latest, _) => latest);

        public double Sum(string field) => Fold(field, 0, (sum, value) => sum + value, (sum, _) => sum);

        public double Mean(string field) => Fold(field, 0, (sum, value) => sum + value, (sum, count) => sum / count);

        public double Max(string field) => Fold(field, double.NegativeInfinity, Math.Max, (max, _) => max);

        public double Min(string field) => Fold(field, double.PositiveInfinity, Math.Min, (min, _) => min);

        /// <summary>The mean, over the window's records, of one date field minus another, in days.</summary>
        public double MeanDifference(string later, string earlier)
        {
            if (shape is null || !shape.Columns.TryGetValue(later, out var to) || !shape.Columns.TryGetValue(earlier, out var from))
            {
                return double.NaN;
            }

            var (sum, count) = (0.0, 0);
            foreach (var record in InWindow())
            {
                var difference = record.Numbers[to] - record.Numbers[from];
                if (!double.IsNaN(difference))
                {
                    (sum, count) = (sum + difference, count + 1);
                }
            }

            return count == 0 ? double.NaN : sum / count;
        }

        private double Fold(string field, double seed, Func<double, double, double> add, Func<double, int, double> finish)
        {
            if (shape is null || !shape.Columns.TryGetValue(field, out var column) || shape.Fields[field] == Language.FieldType.Text)
            {
                return double.NaN;
            }

            var (result, count) = (seed, 0);
            foreach (var record in InWindow())
            {
                var value = record.Numbers[column];
                if (!double.IsNaN(value))
                {
                    (result, count) = (add(result, value), count + 1);
                }
            }

            return count == 0 ? double.NaN : finish(result, count);
        }

        private IEnumerable<Fact> InWindow()
        {
            var (from, to) = window;
            return facts.Of(registry, kind).Where(record => record.PeriodIndex >= from && record.PeriodIndex <= to);
        }
    }
}
