using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;

namespace Inspection.Silo.Tests.Support;

/// <summary>Test data for the evidence store: registry records, flags and listings with sensible defaults.</summary>
public static class Evidence
{
    public static readonly DateTimeOffset Epoch = new(2026, 4, 21, 8, 30, 0, TimeSpan.FromHours(7));

    public static RegistryRecord Record(
        string recordId, int version = 1, string registry = RegistryIds.Tax, string enterpriseCode = "0314409058",
        DateTimeOffset? fetchedAt = null, string? period = "2026-03", IReadOnlyDictionary<string, string?>? fields = null) => new(
        registry,
        recordId,
        version,
        enterpriseCode,
        registry == RegistryIds.Tax ? "vat-return" : "record",
        period,
        fields ?? new Dictionary<string, string?> { ["revenue"] = "1250000000", ["filedOn"] = "2026-04-18", ["note"] = null },
        new RecordProvenance(
            "VN/GOV/000.00.00.G07/TCT/tax-filings",
            $"req-{recordId}-{version}",
            version % 2 == 0 ? null : "hash-of-request",
            $"sha256-{recordId}-{version}",
            fetchedAt ?? Epoch));

    public static RiskFlag Flag(
        string flagId, string enterpriseCode = "0314409058", string province = "79", DateTimeOffset? raisedAt = null,
        IReadOnlyList<string>? references = null) => new(
        flagId,
        enterpriseCode,
        "Công ty TNHH Minh Phát",
        province,
        "trade",
        "TAX-LATE-FILING",
        2,
        "high",
        "2026-03",
        new LocalizedText("Nộp tờ khai thuế trễ hạn", "Late tax filing"),
        new LocalizedText("Tờ khai kỳ 2026-03 nộp sau hạn 2026-04-20.", "The 2026-03 return was filed after its due date."),
        "Luật Quản lý thuế 2019, Điều 44",
        new Dictionary<string, string> { ["filedOn"] = "2026-04-25", ["dueDate"] = "2026-04-20" },
        references ?? ["TAX-0314409058-2026-03@v1"],
        raisedAt ?? Epoch);

    public static EnterpriseListing Listing(
        string code, string province = "79", string sector = "trade", double riskScore = 0.5, string riskTier = "medium",
        int openFlags = 1, DateTimeOffset? lastPulledAt = null) => new(
        code,
        $"Doanh nghiệp {code}",
        province,
        province == "01" ? "Hà Nội" : "TP. Hồ Chí Minh",
        sector,
        "active",
        riskScore,
        riskTier,
        openFlags,
        lastPulledAt);
}
