using System.Data.Common;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Reports;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using Inspection.TestSupport;

namespace Inspection.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class ReportStoreTests(PostgresServer postgres)
{
    private static readonly CaseActor Officer = new("dn-0100109106", "enterprise");

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_receipt_is_kept_with_the_report_as_evidence_and_its_audit_entry(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var receipt = Receipt("BN-20261201-AAAA", "0100109106", "01", version: 1, hour: 1);

        await host.Reports.StoreAsync(receipt, Officer, CancellationToken.None);

        Assert.Equal(receipt.Values, (await host.Reports.GetReceiptAsync(receipt.Number, CancellationToken.None))!.Values);
        var record = Assert.Single(await host.Store.GetLatestRecordsAsync("0100109106", CancellationToken.None));
        Assert.Equal((ReportRecords.Registry, "0100109106/wastewater-monthly/2026-10", 1, "BN-20261201-AAAA", receipt.Sha256),
            (record.Registry, record.RecordId, record.Version, record.Provenance.RequestId, record.Provenance.PayloadHash));
        Assert.Equal(("6200", "2026-11-15", "BN-20261201-AAAA"), (record.Fields["dischargeM3"], record.Fields["dueDate"], record.Fields["receipt"]));
        var entry = Assert.Single(await host.Audit.ListAsync(new AuditQuery($"report:{receipt.Number}", null, null, 10), CancellationToken.None));
        Assert.Equal(("dn-0100109106", "report.received", receipt.Sha256), (entry.Event.Actor, entry.Event.Action, entry.Event.Details["sha256"]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_period_s_version_stored_twice_is_refused_and_nothing_of_the_second_is_kept(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        await host.Reports.StoreAsync(Receipt("BN-1", "0100109106", "01", 1, 1), Officer, CancellationToken.None);

        await Assert.ThrowsAsync<ReportConflictException>(() => host.Reports.StoreAsync(Receipt("BN-2", "0100109106", "01", 1, 2), Officer, CancellationToken.None));

        Assert.Null(await host.Reports.GetReceiptAsync("BN-2", CancellationToken.None));
        Assert.Single(await host.Store.GetLatestRecordsAsync("0100109106", CancellationToken.None));
        Assert.Empty(await host.Audit.ListAsync(new AuditQuery("report:BN-2", null, null, 10), CancellationToken.None));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "DELETE FROM report_receipts"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Receipts_are_listed_newest_first_within_provinces_or_one_enterprise(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        await host.Reports.StoreAsync(Receipt("BN-1", "0100109106", "01", 1, 1), Officer, CancellationToken.None);
        await host.Reports.StoreAsync(Receipt("BN-2", "0314409058", "79", 1, 2), Officer, CancellationToken.None);
        await host.Reports.StoreAsync(Receipt("BN-3", "0100109106", "01", 2, 3), Officer, CancellationToken.None);

        Assert.Equal(["BN-3", "BN-2", "BN-1"], (await host.Reports.ListReceiptsAsync(null, null, null, 10, CancellationToken.None)).Select(r => r.Number));
        Assert.Equal(["BN-2"], (await host.Reports.ListReceiptsAsync(["79"], null, null, 10, CancellationToken.None)).Select(r => r.Number));
        Assert.Equal(["BN-3", "BN-1"], (await host.Reports.ListReceiptsAsync(null, "0100109106", "wastewater-monthly", 10, CancellationToken.None)).Select(r => r.Number));
        Assert.Empty(await host.Reports.ListReceiptsAsync([], null, null, 10, CancellationToken.None));
        Assert.Equal(2, (await host.Store.GetLatestRecordsAsync("0100109106", CancellationToken.None)).Single().Version);
    }

    private static ReportReceipt Receipt(string number, string code, string province, int version, int hour)
    {
        var unsigned = new ReportReceipt(number, code, province, "wastewater-monthly", 1, "2026-10", version,
            new DateTimeOffset(2026, 11, 10, hour, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 15), false, ReportChannels.Portal,
            new Dictionary<string, string?> { ["dischargeM3"] = "6200", ["note"] = null }, new Dictionary<string, string> { ["discharge-vs-prior"] = "Mùa mưa" }, string.Empty);
        return unsigned with { Sha256 = ReportReceiptHash.Compute(unsigned) };
    }
}
