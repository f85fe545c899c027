namespace Inspection.RegistrySimulator.Tests;

/// <summary>The default data set, read over HTTP and judged by the doc's six rules.</summary>
public sealed class GroundTruthTests(DefaultDataSet data) : IClassFixture<DefaultDataSet>
{
    private readonly RegistrySnapshot _snapshot = data.Snapshot;
    private readonly List<GroundTruthEntry> _groundTruth = data.GroundTruth;
    private readonly HashSet<RuleChecks.Finding> _findings = data.Findings;

    [Fact]
    public void About_the_configured_share_of_enterprises_has_a_planted_violation_of_every_rule()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).Distinct().Count();

        Assert.InRange(planted, 3000 * 0.06, 3000 * 0.10);
        Assert.Equal(RuleIds.All.Order(), _groundTruth.Select(entry => entry.RuleId).Distinct().Order());
        Assert.All(_groundTruth, entry => Assert.InRange(entry.Period, "2025-11", "2026-10", StringComparer.Ordinal));
    }

    [Fact]
    public void Every_planted_violation_fires_its_rule_in_its_month()
    {
        var missing = _groundTruth
            .Where(entry => !_findings.Contains(new RuleChecks.Finding(entry.EnterpriseCode, entry.RuleId, entry.Period)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void No_rule_fires_that_was_not_planted()
    {
        var planted = _groundTruth.Select(entry => (entry.EnterpriseCode, entry.RuleId)).ToHashSet();

        var unplanned = _findings.Where(finding => !planted.Contains((finding.EnterpriseCode, finding.RuleId))).ToList();

        Assert.Empty(unplanned);
    }

    [Fact]
    public void Single_month_violations_fire_in_exactly_one_month()
    {
        string[] singleMonthRules = ["TAX-LATE-FILING", "TAX-DEBT-OVERDUE", "BHXH-ARREARS", "BHXH-INSURED-BELOW-PAYROLL"];

        var months = _findings
            .Where(finding => singleMonthRules.Contains(finding.RuleId))
            .GroupBy(finding => (finding.EnterpriseCode, finding.RuleId));

        Assert.All(months, group => Assert.Single(group));
    }

    [Fact]
    public void A_status_violation_starts_on_the_first_of_the_month_with_a_return_that_shows_invoices()
    {
        var statusEntries = _groundTruth
            .Where(entry => entry.RuleId is "TAX-INVOICES-AFTER-DISSOLUTION" or "TAX-INVOICES-DURING-SUSPENSION")
            .ToList();

        Assert.NotEmpty(statusEntries);
        Assert.All(statusEntries, entry =>
        {
            var registration = _snapshot.Registrations[entry.EnterpriseCode];
            Assert.Equal(entry.RuleId == "TAX-INVOICES-AFTER-DISSOLUTION" ? "dissolved" : "suspended", registration.Status);
            Assert.Equal(1, registration.StatusSince.Day);
            Assert.Equal(entry.Period, registration.StatusSince.ToString("yyyy-MM"));
            Assert.True(_snapshot.VatReturns[(entry.EnterpriseCode, entry.Period)].InvoicesIssued > 0);
        });
    }

    [Fact]
    public void Clean_returns_are_filed_on_time_with_consistent_figures()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).ToHashSet();

        var clean = _snapshot.VatReturns.Where(entry => !planted.Contains(entry.Key.Code)).ToList();

        Assert.NotEmpty(clean);
        Assert.All(clean, entry =>
        {
            var ((code, period), vat) = entry;
            Assert.Equal(period, vat.PeriodStart.ToString("yyyy-MM"));
            Assert.Equal(1, vat.PeriodStart.Day);
            Assert.Equal(vat.PeriodStart.AddMonths(1).AddDays(19), vat.DueDate);
            Assert.True(vat.FiledOn <= vat.DueDate, $"{code} {period} filed {vat.FiledOn}, due {vat.DueDate}");
            Assert.Equal(0, vat.OverdueDays);
            Assert.Equal(vat.Revenue, vat.OutputVat * 10);
            Assert.InRange(vat.InputVat, 0, vat.OutputVat);
            Assert.Equal(vat.Revenue > 0, vat.InvoicesIssued > 0);
        });
    }

    [Fact]
    public void Clean_contributions_are_paid_and_insure_90_to_100_percent_of_the_payroll()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).ToHashSet();

        var clean = _snapshot.Contributions.Where(entry => !planted.Contains(entry.Key.Code)).ToList();

        Assert.NotEmpty(clean);
        Assert.All(clean, entry =>
        {
            var (key, contribution) = entry;
            var payroll = _snapshot.VatReturns[key].PayrollHeadcount;
            Assert.Equal(0, contribution.MonthsInArrears);
            Assert.Equal(contribution.ContributionDue, contribution.ContributionPaid);
            Assert.InRange(contribution.InsuredHeadcount, (int)Math.Ceiling(payroll * 0.9), payroll);
        });
    }

    [Fact]
    public void Clean_enterprises_that_stopped_trading_issue_no_invoices_from_their_status_month_on()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).ToHashSet();
        var stopped = _snapshot.Registrations
            .Where(entry => entry.Value.Status != "active" && !planted.Contains(entry.Key))
            .ToList();

        Assert.Equal(["dissolved", "not-at-address", "suspended"], stopped.Select(entry => entry.Value.Status).Distinct().Order());
        Assert.All(stopped, entry =>
        {
            var statusMonth = entry.Value.StatusSince.ToString("yyyy-MM");
            var later = _snapshot.VatReturns
                .Where(vat => vat.Key.Code == entry.Key && string.CompareOrdinal(vat.Key.Period, statusMonth) >= 0)
                .Select(vat => vat.Value)
                .ToList();
            Assert.All(later, vat => Assert.Equal(0, vat.InvoicesIssued));
            if (entry.Value.Status != "suspended")
            {
                Assert.Empty(later);
            }
        });
    }

    [Fact]
    public void Every_enterprise_has_a_registration_and_both_records_for_every_month_it_files()
    {
        var enterprises = _snapshot.Registrations.Keys.ToHashSet();

        Assert.Equal(3000, enterprises.Count);
        Assert.Equal(_snapshot.VatReturns.Keys.Order(), _snapshot.Contributions.Keys.Order());
        Assert.All(_snapshot.VatReturns.Keys, key => Assert.Contains(key.Code, enterprises));
    }
}
