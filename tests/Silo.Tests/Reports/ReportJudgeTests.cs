using Inspection.Contracts.Registries;
using Inspection.Contracts.Reports;
using Inspection.Silo.Reports;

namespace Inspection.Silo.Tests.Reports;

public sealed class ReportJudgeTests
{
    private static readonly ReportTemplate Template = ReportCatalog.LoadShipped().Find("wastewater-monthly")!;
    private static readonly ReportPeriod October = Period("2026-10");

    [Fact]
    public void A_report_matching_its_station_and_last_month_is_accepted_in_invariant_form()
    {
        var verdict = Judge(Values(("dischargeM3", "6100.50"), ("note", "  Bình thường ")), [Station("2026-10", "6200")], previous: Values());

        Assert.True(verdict.Accepted);
        Assert.Equal("6100.5", verdict.Values["dischargeM3"]);
        Assert.Equal("Bình thường", verdict.Values["note"]);
        Assert.Empty(verdict.Explanations);
    }

    [Fact]
    public void Hard_checks_reject_with_an_error_on_each_field_at_fault()
    {
        var verdict = Judge(Values(("codAvg", null), ("tssAvg", "12,5"), ("phMin", "8.5"), ("phMax", "7"), ("operatingDays", "31.5"), ("incidents", "-1"), ("colour", "blue")), [], null);

        Assert.False(verdict.Accepted);
        Assert.Equal(
            [("codAvg", null), ("colour", null), ("incidents", null), ("operatingDays", null), ("phMin", "ph-range"), ("tssAvg", null)],
            verdict.Errors.Select(e => (e.Field, e.CheckId)).OrderBy(e => e.Field, StringComparer.Ordinal));
        Assert.Equal("The lowest pH (8.5) cannot exceed the highest pH (7).", verdict.Errors.Single(e => e.CheckId == "ph-range").Message.En);
        Assert.Equal("\"Mean COD after treatment\" is required.", verdict.Errors.Single(e => e.Field == "codAvg").Message.En);
        Assert.Contains("số nguyên", verdict.Errors.Single(e => e.Field == "operatingDays").Message.Vi, StringComparison.Ordinal);
        Assert.Empty(verdict.Questions);
    }

    [Fact]
    public void Operating_days_are_held_against_the_days_of_the_period()
    {
        var verdict = Judge(Values(("operatingDays", "31")), [], null, Period("2026-11"));

        var error = Assert.Single(verdict.Errors);
        Assert.Equal(("operatingDays", "operating-days"), (error.Field, error.CheckId));
        Assert.Equal("Operating days (31) exceed the days of the period (30).", error.Message.En);
        Assert.True(Judge(Values(("operatingDays", "31")), [], null).Accepted);
    }

    [Fact]
    public void A_difference_from_the_station_asks_for_an_explanation_which_then_lets_the_report_through()
    {
        var station = Station("2026-10", "6200");
        var asked = Judge(Values(("dischargeM3", "3100")), [station], null);

        var question = Assert.Single(asked.Questions);
        Assert.Equal(("discharge-vs-station", "dischargeM3"), (question.CheckId, question.Field));
        Assert.Equal("The declared 3,100 m³ of wastewater differs by -50% from the automatic monitoring station's 6,200 m³. Please explain.", question.Message.En);
        Assert.Contains("chênh -50% so với số liệu trạm quan trắc tự động (6.200 m³)", question.Message.Vi, StringComparison.Ordinal);
        Assert.Equal(("3100", "6200", "-50"), (question.Values["value"], question.Values["other"], question.Values["changePct"]));

        var explained = Judge(Values(("dischargeM3", "3100")), [station], null, explanations: new() { ["discharge-vs-station"] = " Trạm hỏng đồng hồ lưu lượng từ 12/10. " });
        Assert.True(explained.Accepted);
        Assert.Equal("Trạm hỏng đồng hồ lưu lượng từ 12/10.", explained.Explanations["discharge-vs-station"]);
    }

    [Fact]
    public void The_previous_period_is_compared_and_a_registry_record_of_another_month_is_not()
    {
        var verdict = Judge(Values(("dischargeM3", "9500")), [Station("2026-09", "1000")], previous: Values(("dischargeM3", "6000")));

        var question = Assert.Single(verdict.Questions);
        Assert.Equal(("discharge-vs-prior", "58.3"), (question.CheckId, question.Values["changePct"]));
    }

    [Fact]
    public void Explanations_are_only_taken_for_soft_checks()
    {
        var verdict = Judge(Values(), [], null, explanations: new() { ["ph-range"] = "—" });

        Assert.Equal("explanations.ph-range", Assert.Single(verdict.Errors).Field);
    }

    [Fact]
    public void The_form_is_prefilled_from_the_period_s_station_records_with_their_references()
    {
        var prefill = ReportJudge.Prefill(Template, October, [Station("2026-09", "1000"), Station("2026-10", "6200")]);

        var discharge = Assert.Single(prefill).Value;
        Assert.Equal(("6200", "environment", "ENV-2026-10@v1"), (discharge.Value, discharge.Registry, Assert.Single(discharge.Records)));
    }

    [Fact]
    public void Periods_are_named_by_their_last_month_and_refused_otherwise()
    {
        Assert.True(ReportPeriod.TryParse(ReportFrequencies.HalfYear, "2026-06", out var half, out _));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 181), (half.Start, half.End, half.Days));
        Assert.Equal("2025-12", half.Previous(ReportFrequencies.HalfYear).Name);
        Assert.False(ReportPeriod.TryParse(ReportFrequencies.HalfYear, "2026-05", out _, out var error));
        Assert.Contains("6, 12", error, StringComparison.Ordinal);
        Assert.False(ReportPeriod.TryParse(ReportFrequencies.Month, "2026-13", out _, out _));
        Assert.Equal(new DateOnly(2026, 11, 15), October.DueDate(Template));
    }

    [Fact]
    public void Obligations_follow_the_station_s_months_and_the_receipts()
    {
        var received = ReportEvidence.ToRecord(Receipt("2026-09", submittedAt: new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero)));
        var records = new[] { Station("2026-08", "1"), Station("2026-09", "1"), Station("2026-10", "1"), received };

        var owed = ReportEvidence.Obligations(Template, records, new DateOnly(2026, 11, 20), periods: 12);

        Assert.Equal(
            [("2026-10", ReportObligationStatuses.Overdue, null), ("2026-09", ReportObligationStatuses.ReceivedLate, "BN-1"), ("2026-08", ReportObligationStatuses.Overdue, null)],
            owed.Select(o => (o.Period, o.Status, o.ReceiptNumber)));
        Assert.Equal(ReportObligationStatuses.Due, ReportEvidence.Obligations(Template, records, new DateOnly(2026, 11, 10), periods: 1)[0].Status);
    }

    [Fact]
    public void A_receipt_s_hash_covers_what_was_received_and_nothing_else()
    {
        var receipt = Receipt("2026-10", DateTimeOffset.UnixEpoch);

        Assert.Equal(ReportReceiptHash.Compute(receipt), ReportReceiptHash.Compute(receipt with { Number = "BN-other", Sha256 = "x" }));
        Assert.NotEqual(ReportReceiptHash.Compute(receipt), ReportReceiptHash.Compute(receipt with { Values = new Dictionary<string, string?> { ["dischargeM3"] = "6201" } }));
        Assert.NotEqual(ReportReceiptHash.Compute(receipt), ReportReceiptHash.Compute(receipt with { Version = 2 }));
        Assert.Equal(64, ReportReceiptHash.Compute(receipt).Length);
    }

    private static ReportVerdict Judge(
        Dictionary<string, string?> values, IReadOnlyList<RegistryRecord> records, Dictionary<string, string?>? previous, ReportPeriod? period = null,
        Dictionary<string, string>? explanations = null) =>
        ReportJudge.Judge(Template, period ?? October, new ReportSubmission(Template.Id, (period ?? October).Name, values, explanations ?? [], ReportChannels.Api), records, previous);

    /// <summary>A clean October report, with the changes given.</summary>
    private static Dictionary<string, string?> Values(params (string Field, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["dischargeM3"] = "6000", ["codAvg"] = "61.2", ["tssAvg"] = "30", ["phMin"] = "6.8", ["phMax"] = "7.9", ["operatingDays"] = "28", ["incidents"] = "0",
        };
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return values;
    }

    private static RegistryRecord Station(string period, string discharge) =>
        new("environment", $"ENV-{period}", 1, "0100109106", "monitoring-summary", period, new Dictionary<string, string?> { ["dischargeM3"] = discharge },
            new RecordProvenance("ENV", "r", null, "h", DateTimeOffset.UnixEpoch));

    private static ReportReceipt Receipt(string period, DateTimeOffset submittedAt) =>
        new("BN-1", "0100109106", "01", Template.Id, 1, period, 1, submittedAt, Period(period).DueDate(Template), false, ReportChannels.Api,
            new Dictionary<string, string?> { ["dischargeM3"] = "6200" }, new Dictionary<string, string>(), "hash");

    private static ReportPeriod Period(string name) =>
        ReportPeriod.TryParse(ReportFrequencies.Month, name, out var period, out var error) ? period : throw new ArgumentException(error);
}
