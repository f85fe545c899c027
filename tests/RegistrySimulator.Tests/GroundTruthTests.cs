namespace Inspection.RegistrySimulator.Tests;

/// <summary>The default data set, read over HTTP and judged by the doc's sixteen rules and clean bounds.</summary>
public sealed class GroundTruthTests(DefaultDataSet data) : IClassFixture<DefaultDataSet>
{
    private static readonly string[] StationSectors = ["manufacturing", "food-service"];

    private readonly DefaultDataSet _data = data;
    private readonly RegistrySnapshot _snapshot = data.Snapshot;
    private readonly List<GroundTruthEntry> _groundTruth = data.GroundTruth;
    private readonly HashSet<RuleChecks.Finding> _findings = data.Findings;

    [Fact]
    public void About_the_configured_share_of_enterprises_has_a_planted_violation_of_every_rule()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).Distinct().Count();

        Assert.InRange(planted, 3000 * 0.06, 3000 * 0.10);
        Assert.Equal(planted, _groundTruth.Count);
        Assert.Equal(16, RuleIds.All.Count);
        Assert.Equal(RuleIds.All.Order(), _groundTruth.Select(entry => entry.RuleId).Distinct().Order());

        // Spread over the rules, station rules included although only a third of the enterprises has a station.
        var perRule = _groundTruth.CountBy(entry => entry.RuleId).ToDictionary();
        Assert.All(RuleIds.All, rule => Assert.InRange(perRule[rule], planted / 16 / 2, planted / 16 * 2));
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
        string[] singleMonthRules =
        [
            "TAX-LATE-FILING", "TAX-DEBT-OVERDUE", "BHXH-ARREARS", "BHXH-INSURED-BELOW-PAYROLL", "LABOUR-REPORT-LATE",
            "LABOUR-WORKFORCE-NOT-INSURED", "LABOUR-ACCIDENT-NOT-DECLARED", "ENV-PARAMETER-OVER-LIMIT", "ENV-TRANSMISSION-GAP",
            "TAX-RETURN-MISSING", "TAX-OUTPUT-VAT-UNDERDECLARED", "TAX-REVENUE-COLLAPSE-WITH-STAFF", "LABOUR-REPORT-MISSING",
        ];

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
    public void A_planted_discharge_during_suspension_comes_with_nil_returns_and_a_discharging_station()
    {
        var entries = _groundTruth.Where(entry => entry.RuleId == "ENV-DISCHARGE-DURING-SUSPENSION").ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            var registration = _snapshot.Registrations[entry.EnterpriseCode];
            Assert.Equal("suspended", registration.Status);
            Assert.Contains(registration.Sector, StationSectors);
            Assert.Equal(new DateOnly(int.Parse(entry.Period[..4]), int.Parse(entry.Period[5..]), 1), registration.StatusSince);
            Assert.True(_snapshot.MonitoringSummaries[(entry.EnterpriseCode, entry.Period)].DischargeM3 > 0);
            var later = _snapshot.VatReturns.Where(vat => vat.Key.Code == entry.EnterpriseCode && string.CompareOrdinal(vat.Key.Period, entry.Period) >= 0);
            Assert.All(later, vat => Assert.Equal(0, vat.Value.InvoicesIssued));
        });
    }

    [Fact]
    public void Planted_labour_and_environment_violations_keep_to_enterprises_that_can_carry_them()
    {
        var sectors = _snapshot.Registrations.ToDictionary(entry => entry.Key, entry => entry.Value.Sector);

        Assert.All(
            _groundTruth.Where(entry => entry.RuleId.StartsWith("ENV-", StringComparison.Ordinal)),
            entry => Assert.Contains(sectors[entry.EnterpriseCode], StationSectors));
        Assert.All(
            _groundTruth.Where(entry => entry.RuleId is "LABOUR-REPORT-LATE" or "LABOUR-WORKFORCE-NOT-INSURED" or "LABOUR-REPORT-MISSING"),
            entry => Assert.Matches("^\\d{4}-(06|12)$", entry.Period));
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
    public void Clean_workforce_reports_come_every_half_year_on_time_and_report_the_payroll()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).ToHashSet();
        var reports = _data.Records.Where(record => record.Kind == "workforce-report").ToList();

        Assert.NotEmpty(reports);
        Assert.All(reports, record =>
        {
            var half = record.Period!.EndsWith("-06", StringComparison.Ordinal) ? "H1" : "H2";
            Assert.Matches("^\\d{4}-(06|12)$", record.Period);
            Assert.Equal($"LAB-{record.EnterpriseCode}-{record.Period[..4]}-{half}", record.Id);
        });

        // Active enterprises only, and every one of them (but for the reports left out on purpose), in June and December.
        var reportMonths = _snapshot.Contributions.Keys.Select(key => key.Period).Distinct().Where(period => period.EndsWith("-06") || period.EndsWith("-12")).ToList();
        Assert.Equal(["2025-12", "2026-06"], reportMonths.Order());
        var expected = _snapshot.Contributions.Keys
            .Where(key => reportMonths.Contains(key.Period) && IsActiveIn(key.Code, key.Period))
            .Except(PlantedKeys("LABOUR-REPORT-MISSING"))
            .ToHashSet();
        Assert.Equal(expected.Order(), _snapshot.WorkforceReports.Keys.Order());

        var clean = _snapshot.WorkforceReports.Where(entry => !planted.Contains(entry.Key.Code)).ToList();
        Assert.NotEmpty(clean);
        Assert.All(clean, entry =>
        {
            var ((code, period), report) = entry;
            Assert.Equal(new DateOnly(int.Parse(period[..4]), int.Parse(period[5..]), 5), report.DueDate);
            Assert.True(report.SubmittedOn <= report.DueDate, $"{code} {period} submitted {report.SubmittedOn}, due {report.DueDate}");
            Assert.Equal(_snapshot.VatReturns[(code, period)].PayrollHeadcount, report.ReportedWorkforce);
            var insured = _snapshot.Contributions[(code, period)].InsuredHeadcount;
            Assert.InRange(insured, (int)Math.Ceiling(report.ReportedWorkforce * 0.9), report.ReportedWorkforce);
        });
    }

    [Fact]
    public void Clean_accidents_are_rare_and_either_minor_or_declared_immediately()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).ToHashSet();

        var clean = _snapshot.Accidents.Where(entry => !planted.Contains(entry.Value.Code)).ToList();

        Assert.NotEmpty(clean);
        Assert.InRange(_snapshot.Accidents.Values.Select(accident => accident.Code).Distinct().Count(), 1, 3000 / 10);
        Assert.All(clean, entry =>
        {
            var (id, (code, period, accident)) = entry;
            Assert.Matches($"^ACC-{code}-{period}-[1-9]\\d*$", id);
            Assert.Equal(period, accident.OccurredOn.ToString("yyyy-MM"));
            Assert.Contains(accident.Declaration, new[] { "immediate", "late", "none" });
            Assert.True(
                (accident.SeriousInjuries <= 1 && accident.Fatalities == 0) || accident.Declaration == "immediate",
                $"{id}: {accident}");
            Assert.True(IsActiveIn(code, period), $"{id} happened after {code} stopped trading");
        });
        Assert.Contains(clean, entry => entry.Value.Report.SeriousInjuries + entry.Value.Report.Fatalities >= 2);
    }

    [Fact]
    public void Clean_monitoring_summaries_come_monthly_from_stations_within_limits_and_stop_with_trading()
    {
        var planted = _groundTruth.Select(entry => entry.EnterpriseCode).ToHashSet();
        var summaries = _data.Records.Where(record => record.Kind == "monitoring-summary").ToList();

        Assert.All(summaries, record => Assert.Equal($"ENV-{record.EnterpriseCode}-{record.Period}", record.Id));
        var clean = _snapshot.MonitoringSummaries.Where(entry => !planted.Contains(entry.Key.Code)).ToList();
        Assert.NotEmpty(clean);
        Assert.All(clean, entry =>
        {
            var ((code, period), summary) = entry;
            Assert.Contains(_snapshot.Registrations[code].Sector, StationSectors);
            Assert.True(IsActiveIn(code, period), $"{code} discharged in {period} after it stopped trading");
            Assert.Equal(0, summary.HoursOverLimit);
            Assert.InRange(summary.UptimePercent, 98, 100);
            Assert.True(summary.DischargeM3 > 0);
            Assert.InRange(summary.CodMax, 0, summary.CodLimit);
            Assert.InRange(summary.TssMax, 0, summary.TssLimit);
            Assert.False(string.IsNullOrWhiteSpace(summary.StationId));
        });

        // Every station reports every month its enterprise trades, and only stations report.
        var expected = _snapshot.VatReturns.Keys
            .Where(key => !planted.Contains(key.Code) && StationSectors.Contains(_snapshot.Registrations[key.Code].Sector) && IsActiveIn(key.Code, key.Period))
            .Order();
        Assert.Equal(expected, clean.Select(entry => entry.Key).Order());
        Assert.Equal(1, clean.GroupBy(entry => entry.Key.Code).Select(group => group.Select(entry => entry.Value.StationId).Distinct().Count()).Max());
    }

    [Fact]
    public void Every_enterprise_has_a_registration_and_both_records_for_every_month_it_files_but_a_return_left_out()
    {
        var enterprises = _snapshot.Registrations.Keys.ToHashSet();

        Assert.Equal(3000, enterprises.Count);
        Assert.Equal(_snapshot.VatReturns.Keys.Concat(PlantedKeys("TAX-RETURN-MISSING")).Order(), _snapshot.Contributions.Keys.Order());
        Assert.All(_snapshot.VatReturns.Keys, key => Assert.Contains(key.Code, enterprises));
    }

    [Fact]
    public void A_missing_return_leaves_out_only_the_return_of_an_active_month_before_the_last_two()
    {
        var entries = _groundTruth.Where(entry => entry.RuleId == "TAX-RETURN-MISSING").ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            var key = (entry.EnterpriseCode, entry.Period);
            Assert.Equal("active", _snapshot.Registrations[entry.EnterpriseCode].Status);
            Assert.InRange(entry.Period, "2025-11", "2026-08", StringComparer.Ordinal);
            Assert.False(_snapshot.VatReturns.ContainsKey(key));
            Assert.Equal(0, _snapshot.Contributions[key].MonthsInArrears);
            Assert.Equal(11, _snapshot.VatReturns.Keys.Count(other => other.Code == entry.EnterpriseCode));
            Assert.Equal(12, _snapshot.Contributions.Keys.Count(other => other.Code == entry.EnterpriseCode));
        });
    }

    [Fact]
    public void A_missing_labour_report_leaves_out_only_one_june_or_december_report_of_an_active_enterprise()
    {
        var entries = _groundTruth.Where(entry => entry.RuleId == "LABOUR-REPORT-MISSING").ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            var key = (entry.EnterpriseCode, entry.Period);
            Assert.Equal("active", _snapshot.Registrations[entry.EnterpriseCode].Status);
            Assert.False(_snapshot.WorkforceReports.ContainsKey(key));
            Assert.True(_snapshot.VatReturns.ContainsKey(key));
            Assert.True(_snapshot.Contributions.ContainsKey(key));
            Assert.Single(_snapshot.WorkforceReports.Keys, other => other.Code == entry.EnterpriseCode);
        });
    }

    [Fact]
    public void An_underdeclared_return_declares_1_to_4_percent_of_its_revenue_as_output_vat()
    {
        var entries = _groundTruth.Where(entry => entry.RuleId == "TAX-OUTPUT-VAT-UNDERDECLARED").ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            var vat = _snapshot.VatReturns[(entry.EnterpriseCode, entry.Period)];
            Assert.True(vat.Revenue > 0);
            Assert.InRange((double)vat.OutputVat / vat.Revenue, 0.01 - 1e-6, 0.04 + 1e-6);
            Assert.InRange(vat.InputVat, 0, vat.OutputVat);
            Assert.True(vat.InvoicesIssued > 0);
            Assert.True(vat.FiledOn <= vat.DueDate);
        });
    }

    [Fact]
    public void A_revenue_collapse_keeps_its_return_consistent_and_insures_more_workers_than_any_other_month()
    {
        var entries = _groundTruth.Where(entry => entry.RuleId == "TAX-REVENUE-COLLAPSE-WITH-STAFF").ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            var vat = _snapshot.VatReturns[(entry.EnterpriseCode, entry.Period)];
            var contribution = _snapshot.Contributions[(entry.EnterpriseCode, entry.Period)];

            // Three history months before it, for the mean it collapses against.
            Assert.InRange(entry.Period, "2026-02", "2026-10", StringComparer.Ordinal);
            Assert.Equal(vat.Revenue, vat.OutputVat * 10);
            Assert.True(vat.InvoicesIssued > 0);
            Assert.True(contribution.InsuredHeadcount > vat.PayrollHeadcount);
            Assert.Equal(contribution.ContributionDue, contribution.ContributionPaid);
            var others = _snapshot.Contributions.Where(other => other.Key.Code == entry.EnterpriseCode && other.Key.Period != entry.Period);
            Assert.All(others, other => Assert.True(other.Value.InsuredHeadcount < contribution.InsuredHeadcount, other.Key.Period));
        });
    }

    [Fact]
    public void Missing_filings_are_flagged_only_once_ten_days_have_passed_after_their_due_date()
    {
        string[] calendarRules = ["TAX-RETURN-MISSING", "LABOUR-REPORT-MISSING"];
        var planted = _groundTruth.Where(entry => calendarRules.Contains(entry.RuleId)).Select(Finding).ToHashSet();

        // On New Year's Day 2026 only November's return (due 20 December) and December's report (due 5 December) are past it.
        var early = RuleChecks.Evaluate(_snapshot, new DateOnly(2026, 1, 1)).Where(finding => calendarRules.Contains(finding.RuleId));

        var due = planted.Where(finding => (finding.RuleId, finding.Period) is ("TAX-RETURN-MISSING", "2025-11") or ("LABOUR-REPORT-MISSING", "2025-12"));

        Assert.NotEmpty(due);
        Assert.Equal(Sorted(due), Sorted(early));
        Assert.Equal(Sorted(planted), Sorted(_findings.Where(finding => calendarRules.Contains(finding.RuleId))));
    }

    private static RuleChecks.Finding Finding(GroundTruthEntry entry) => new(entry.EnterpriseCode, entry.RuleId, entry.Period);

    private static List<RuleChecks.Finding> Sorted(IEnumerable<RuleChecks.Finding> findings) =>
        [.. findings.OrderBy(finding => (finding.EnterpriseCode, finding.RuleId, finding.Period))];

    /// <summary>The (enterprise, period) of every planted violation of the rule.</summary>
    private IEnumerable<(string Code, string Period)> PlantedKeys(string ruleId) =>
        _groundTruth.Where(entry => entry.RuleId == ruleId).Select(entry => (entry.EnterpriseCode, entry.Period));

    /// <summary>Whether the registration says the enterprise was active in the month.</summary>
    private bool IsActiveIn(string code, string period)
    {
        var registration = _snapshot.Registrations[code];
        return registration.Status == "active" || string.CompareOrdinal(period, registration.StatusSince.ToString("yyyy-MM")) < 0;
    }
}
