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

    /// <summary>Twelve clean months, 2025-12 to 2026-11, with an active registration.</summary>
    public static EnterpriseBuilder CleanYear(string from = "2025-12", int months = 12)
    {
        var builder = new EnterpriseBuilder();
        var start = Records.PeriodStart(from);
        for (var i = 0; i < months; i++)
        {
            var period = Records.Month(start.AddMonths(i));
            builder.tax[period] = Records.VatReturn(period);
            builder.socialInsurance[period] = Records.Contribution(period);
        }

        return builder;
    }

    public IEnumerable<string> Periods => tax.Keys;

    public EnterpriseBuilder Registration(string status, string statusSince)
    {
        registration = Records.Registration(status, statusSince, version: 2);
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

    public EnterpriseBuilder WithoutTax(string period)
    {
        tax.Remove(period);
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
        return new EnterpriseFacts(Records.Code, records);
    }
}
