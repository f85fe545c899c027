namespace Inspection.Rules.Tests.Builders;

/// <summary>
/// One enterprise's records over a run of months, clean by default (as the simulator's clean
/// enterprises are), with single records replaced to plant a violation.
/// </summary>
internal sealed class EnterpriseBuilder
{
    private FactRecord? registration = Records.Registration();
    private readonly SortedDictionary<string, FactRecord> tax = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, FactRecord> socialInsurance = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, FactRecord> workforce = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, FactRecord> monitoring = new(StringComparer.Ordinal);
    private readonly List<FactRecord> accidents = [];
    private readonly SortedDictionary<string, FactRecord> selfReports = new(StringComparer.Ordinal);

    /// <summary>
    /// Twelve clean months, 2025-12 to 2026-11, of an active manufacturer: tax returns, social
    /// insurance and wastewater monitoring every month, a labour-change report each June and December,
    /// and no accident.
    /// </summary>
    public static EnterpriseBuilder CleanYear(string from = "2025-12", int months = 12)
    {
        var builder = new EnterpriseBuilder();
        var start = Records.PeriodStart(from);
        for (var i = 0; i < months; i++)
        {
            var month = start.AddMonths(i);
            var period = Records.Month(month);
            builder.tax[period] = Records.VatReturn(period);
            builder.socialInsurance[period] = Records.Contribution(period);
            builder.monitoring[period] = Records.MonitoringSummary(period);
            if (month.Month is 6 or 12)
            {
                builder.workforce[period] = Records.WorkforceReport(period);
            }
        }

        return builder;
    }

    public IEnumerable<string> Periods => tax.Keys;

    public EnterpriseBuilder Registration(string status, string statusSince)
    {
        registration = Records.Registration(status, statusSince, version: 2);
        return this;
    }

    public EnterpriseBuilder RegisteredOn(string date)
    {
        registration = registration!.With(("registeredOn", date));
        return this;
    }

    public EnterpriseBuilder WithoutRegistration()
    {
        registration = null;
        return this;
    }

    public EnterpriseBuilder Tax(string period, params (string Field, string? Value)[] changes)
    {
        tax[period] = tax.TryGetValue(period, out var record) ? record.With(changes) : Records.VatReturn(period).With(changes);
        return this;
    }

    public EnterpriseBuilder Contribution(string period, params (string Field, string? Value)[] changes)
    {
        socialInsurance[period] = socialInsurance.TryGetValue(period, out var record)
            ? record.With(changes)
            : Records.Contribution(period).With(changes);
        return this;
    }

    /// <summary>Changes (or adds) the labour-change report of the half year ending in <paramref name="period"/>.</summary>
    public EnterpriseBuilder Workforce(string period, params (string Field, string? Value)[] changes)
    {
        workforce[period] = workforce.TryGetValue(period, out var record)
            ? record.With(changes)
            : Records.WorkforceReport(period).With(changes);
        return this;
    }

    public EnterpriseBuilder Monitoring(string period, params (string Field, string? Value)[] changes)
    {
        monitoring[period] = monitoring.TryGetValue(period, out var record)
            ? record.With(changes)
            : Records.MonitoringSummary(period).With(changes);
        return this;
    }

    /// <summary>Adds an occupational accident in <paramref name="period"/>.</summary>
    public EnterpriseBuilder Accident(string period, int seriousInjuries, int fatalities, string declaration)
    {
        var number = accidents.Count(record => record.Period == period) + 1;
        accidents.Add(Records.AccidentReport(period, seriousInjuries, fatalities, declaration, number));
        return this;
    }

    /// <summary>Adds (or changes) the enterprise's own wastewater report of <paramref name="period"/>, received on time and matching its station.</summary>
    public EnterpriseBuilder SelfReport(string period, params (string Field, string? Value)[] changes)
    {
        selfReports[period] = selfReports.TryGetValue(period, out var record)
            ? record.With(changes)
            : Records.WastewaterReport(period).With(changes);
        return this;
    }

    public EnterpriseBuilder WithoutTax(string period)
    {
        tax.Remove(period);
        return this;
    }

    public EnterpriseBuilder WithoutWorkforce(string period)
    {
        workforce.Remove(period);
        return this;
    }

    public EnterpriseBuilder WithoutContribution(string period)
    {
        socialInsurance.Remove(period);
        return this;
    }

    /// <summary>
    /// What the registries hold for an enterprise that stopped operating (suspended or dissolved) in
    /// <paramref name="fromPeriod"/>: returns with no invoices, no station summaries and no labour-change
    /// reports (only active enterprises file them) from that month on.
    /// </summary>
    public EnterpriseBuilder InactiveFrom(string fromPeriod)
    {
        foreach (var period in tax.Keys.Where(p => string.CompareOrdinal(p, fromPeriod) >= 0).ToList())
        {
            Tax(period, ("invoicesIssued", "0"));
        }

        foreach (var period in monitoring.Keys.Concat(workforce.Keys).Where(p => string.CompareOrdinal(p, fromPeriod) >= 0).ToList())
        {
            monitoring.Remove(period);
            workforce.Remove(period);
        }

        return this;
    }

    public EnterpriseFacts Build()
    {
        var records = new List<FactRecord>();
        if (registration is not null)
        {
            records.Add(registration);
        }

        records.AddRange(tax.Values);
        records.AddRange(socialInsurance.Values);
        records.AddRange(workforce.Values);
        records.AddRange(accidents);
        records.AddRange(monitoring.Values);
        records.AddRange(selfReports.Values);
        return new EnterpriseFacts(Records.Code, records);
    }
}
