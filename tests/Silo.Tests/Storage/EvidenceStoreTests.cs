using Inspection.TestSupport;
using System.Data.Common;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;
using Inspection.Silo.Grains;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using static Inspection.Silo.Tests.Support.Evidence;

namespace Inspection.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class EvidenceStoreTests(PostgresServer postgres)
{
    private const string Code = "0314409058";
    private const string OtherCode = "0100109106";

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_records_appended_twice_are_stored_once(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        RegistryRecord[] records =
        [
            Record($"TAX-{Code}-2026-01"),
            Record($"TAX-{Code}-2026-02", version: 2),
            Record($"BHXH-{Code}-2026-01", registry: RegistryIds.SocialInsurance, period: null),
        ];

        Assert.Equal(3, await host.Store.AppendRecordsAsync(records, CancellationToken.None));
        Assert.Equal(0, await host.Store.AppendRecordsAsync(records, CancellationToken.None));
        Assert.Equal(1, await host.Store.AppendRecordsAsync([records[0], Record($"TAX-{Code}-2026-03")], CancellationToken.None));

        var stored = await host.Queries.ListRecordsAsync(new RecordQuery(Code, null, null, null, 100), CancellationToken.None);
        Assert.Equal(4, stored.Count);
        foreach (var record in records)
        {
            AssertSameRecord(record, Assert.Single(stored, r => r.Reference == record.Reference && r.Registry == record.Registry));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_new_version_is_kept_beside_the_old_and_the_latest_is_read(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var registration = Record($"REG-{Code}", registry: RegistryIds.BusinessRegistration, period: null,
            fields: new Dictionary<string, string?> { ["status"] = "active" });
        var filing = Record($"TAX-{Code}-2026-03");
        await host.Store.AppendRecordsAsync([registration, filing, Record($"TAX-{OtherCode}-2026-03", enterpriseCode: OtherCode)], CancellationToken.None);

        var suspended = Record($"REG-{Code}", version: 2, registry: RegistryIds.BusinessRegistration, period: null,
            fields: new Dictionary<string, string?> { ["status"] = "suspended", ["statusSince"] = "2026-04-01" }, fetchedAt: Epoch.AddHours(1));
        Assert.Equal(1, await host.Store.AppendRecordsAsync([registration, suspended], CancellationToken.None));

        var all = await host.Queries.ListRecordsAsync(new RecordQuery(Code, RegistryIds.BusinessRegistration, null, null, 10), CancellationToken.None);
        Assert.Equal([2, 1], all.Select(r => r.Version));

        var latest = await host.Store.GetLatestRecordsAsync(Code, CancellationToken.None);
        Assert.Equal(2, latest.Count);
        AssertSameRecord(suspended, latest[0]);
        AssertSameRecord(filing, latest[1]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_large_batch_with_repeats_is_stored_in_one_call(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var records = Enumerable.Range(0, 450).Select(i => Record($"TAX-{Code}-{i:D4}", fetchedAt: Epoch.AddSeconds(i))).ToList();

        Assert.Equal(450, await host.Store.AppendRecordsAsync([.. records, .. records.Take(30)], CancellationToken.None));
        Assert.Equal(0, await host.Store.AppendRecordsAsync(records, CancellationToken.None));
        Assert.Equal(450, (await host.Store.GetLatestRecordsAsync(Code, CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Many_grains_writing_at_once_do_not_trip_over_each_other(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var codes = Enumerable.Range(0, 16).Select(i => $"01{i:D8}").ToList();

        var added = await Task.WhenAll(codes.Select(code => Task.Run(async () =>
        {
            var stored = 0;
            for (var batch = 0; batch < 5; batch++)
            {
                stored += await host.Store.AppendRecordsAsync(
                    [.. Enumerable.Range(0, 10).Select(i => Record($"TAX-{code}-{batch}-{i}", enterpriseCode: code))], CancellationToken.None);
                await host.Store.UpsertEnterpriseAsync(Listing(code, riskScore: batch), CancellationToken.None);
                _ = await host.Queries.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 50, 0), CancellationToken.None);
            }

            return stored;
        })));

        Assert.Equal(16 * 50, added.Sum());
        Assert.Equal(16, (await host.Queries.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 100, 0), CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_write_that_fails_among_concurrent_writes_fails_alone_and_stores_nothing(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var codes = Enumerable.Range(0, 40).Select(i => $"02{i:D8}").ToList();
        // A record without a kind breaks a NOT NULL column half-way through its batch: the first row of it is valid.
        RegistryRecord[] broken = [Record($"TAX-{Code}-ok"), Record($"TAX-{Code}-broken") with { Kind = null! }];

        var writes = codes.Select(code => host.Store.AppendRecordsAsync([Record($"TAX-{code}-1", enterpriseCode: code)], CancellationToken.None)).ToList();
        var failing = host.Store.AppendRecordsAsync(broken, CancellationToken.None);
        writes.AddRange(codes.Select(code => host.Store.AppendRecordsAsync([Record($"TAX-{code}-2", enterpriseCode: code)], CancellationToken.None)));

        await Assert.ThrowsAnyAsync<DbException>(() => failing);
        Assert.All(await Task.WhenAll(writes), added => Assert.Equal(1, added));
        Assert.Empty(await host.Store.GetLatestRecordsAsync(Code, CancellationToken.None));
        foreach (var code in codes)
        {
            Assert.Equal(2, (await host.Store.GetLatestRecordsAsync(code, CancellationToken.None)).Count);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Flags_are_stored_once_and_read_back_whole(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var first = Flag("flag-1");
        var second = Flag("flag-2", raisedAt: Epoch.AddMinutes(5));

        Assert.Equal(2, await host.Store.AppendFlagsAsync([first, second], CancellationToken.None));
        Assert.Equal(1, await host.Store.AppendFlagsAsync([first, second, Flag("flag-3", raisedAt: Epoch.AddMinutes(10))], CancellationToken.None));

        var flags = await host.Queries.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 10), CancellationToken.None);
        Assert.Equal(["flag-3", "flag-2", "flag-1"], flags.Select(f => f.FlagId));
        AssertSameFlag(first, flags[2]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_enterprise_list_is_ranked_and_filtered_within_the_jurisdiction(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        EnterpriseListing[] listings =
        [
            Listing("0100000001", province: "01", sector: "trade", riskScore: 0.9, riskTier: "high", lastPulledAt: Epoch),
            Listing("0100000002", province: "01", sector: "construction", riskScore: 0.2, riskTier: "low"),
            Listing("7900000001", province: "79", sector: "trade", riskScore: 0.6, riskTier: "medium"),
            Listing("7900000002", province: "79", sector: "trade", riskScore: 0.6, riskTier: "medium"),
            Listing("7900000003", province: "79", sector: "manufacturing", riskScore: 0.1, riskTier: "low"),
        ];
        foreach (var listing in listings)
        {
            await host.Store.UpsertEnterpriseAsync(listing, CancellationToken.None);
        }

        var rescored = listings[4] with
        {
            RiskScore = 0.95, RiskTier = "high", OpenFlags = 3, LastPulledAt = Epoch.AddDays(1),
            Reasons = [new RiskReason(RiskReason.Flag, "ENV-PARAMETER-OVER-LIMIT", 0.63, 2, null, "high"), new RiskReason(RiskReason.History, "uptimePercent", 0.3, 85.1, 98.4, null)],
        };
        await host.Store.UpsertEnterpriseAsync(rescored, CancellationToken.None);

        Assert.Equal(["7900000003", "0100000001", "7900000001", "7900000002", "0100000002"], await Codes(new EnterpriseQuery(null, null, null, null, null, 50, 0)));
        Assert.Equal(["0100000001", "0100000002"], await Codes(new EnterpriseQuery(["01"], null, null, null, null, 50, 0)));
        Assert.Empty(await Codes(new EnterpriseQuery([], null, null, null, null, 50, 0)));
        Assert.Empty(await Codes(new EnterpriseQuery(["01"], "79", null, null, null, 50, 0)));
        Assert.Equal(["7900000001", "7900000002"], await Codes(new EnterpriseQuery(["79", "01"], "79", "trade", null, null, 50, 0)));
        Assert.Equal(["7900000003", "0100000001"], await Codes(new EnterpriseQuery(null, null, null, "high", null, 50, 0)));
        Assert.Equal(["0100000002"], await Codes(new EnterpriseQuery(null, null, null, null, "0100000002", 50, 0)));
        Assert.Equal(["7900000001", "7900000002"], await Codes(new EnterpriseQuery(null, null, null, null, null, 2, 2)));

        Assert.True(RiskReasons.SameListing(rescored, (await host.Queries.GetEnterpriseAsync("7900000003", CancellationToken.None))!), "the rescored listing and its reasons");
        Assert.True(RiskReasons.SameListing(listings[0], (await host.Queries.GetEnterpriseAsync("0100000001", CancellationToken.None))!), "a listing without reasons");
        Assert.Null(await host.Queries.GetEnterpriseAsync("0314409058", CancellationToken.None));

        async Task<IEnumerable<string>> Codes(EnterpriseQuery query) =>
            (await host.Queries.ListEnterprisesAsync(query, CancellationToken.None)).Select(l => l.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Flags_come_newest_first_filtered_by_time_province_and_enterprise(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        await host.Store.AppendFlagsAsync(
        [
            Flag("a", province: "79", raisedAt: Epoch),
            Flag("b", province: "01", enterpriseCode: OtherCode, raisedAt: Epoch.AddHours(1)),
            Flag("c", province: "79", raisedAt: Epoch.AddHours(2)),
            Flag("d", province: "01", enterpriseCode: OtherCode, raisedAt: Epoch.AddHours(3)),
        ], CancellationToken.None);

        Assert.Equal(["d", "c", "b", "a"], await Ids(new FlagQuery(null, null, null, null, null, 10)));
        Assert.Equal(["d", "c"], await Ids(new FlagQuery(null, null, null, null, null, 2)));
        Assert.Equal(["c", "b"], await Ids(new FlagQuery(null, null, null, Epoch.AddHours(1), Epoch.AddHours(3), 10)));
        Assert.Equal(["c", "a"], await Ids(new FlagQuery(["79"], null, null, null, null, 10)));
        Assert.Empty(await Ids(new FlagQuery([], null, null, null, null, 10)));
        Assert.Equal(["d", "b"], await Ids(new FlagQuery(["79", "01"], "01", null, null, null, 10)));
        Assert.Equal(["d", "b"], await Ids(new FlagQuery(null, null, OtherCode, null, null, 10)));
        Assert.Empty(await Ids(new FlagQuery(["79"], null, OtherCode, null, null, 10)));

        async Task<IEnumerable<string>> Ids(FlagQuery query) =>
            (await host.Queries.ListFlagsAsync(query, CancellationToken.None)).Select(f => f.FlagId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Records_are_listed_by_registry_and_fetch_time(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        await host.Store.AppendRecordsAsync(
        [
            Record("TAX-1", fetchedAt: Epoch),
            Record("TAX-2", fetchedAt: Epoch.AddHours(1)),
            Record("TAX-2", version: 2, fetchedAt: Epoch.AddHours(1)),
            Record("BHXH-1", registry: RegistryIds.SocialInsurance, fetchedAt: Epoch.AddHours(1)),
            Record("TAX-3", fetchedAt: Epoch.AddHours(2).AddMilliseconds(1)),
            Record("TAX-9", enterpriseCode: OtherCode, fetchedAt: Epoch.AddHours(1)),
        ], CancellationToken.None);

        Assert.Equal(["TAX-3@v1", "BHXH-1@v1", "TAX-2@v1", "TAX-2@v2", "TAX-1@v1"], await References(new RecordQuery(Code, null, null, null, 10)));
        Assert.Equal(["TAX-3@v1", "TAX-2@v1", "TAX-2@v2", "TAX-1@v1"], await References(new RecordQuery(Code, RegistryIds.Tax, null, null, 10)));
        Assert.Equal(["BHXH-1@v1", "TAX-2@v1", "TAX-2@v2"], await References(new RecordQuery(Code, null, Epoch.AddHours(1), Epoch.AddHours(2), 10)));
        Assert.Equal(["TAX-3@v1"], await References(new RecordQuery(Code, null, null, null, 1)));
        Assert.Empty(await References(new RecordQuery(Code, RegistryIds.BusinessRegistration, null, null, 10)));

        async Task<IEnumerable<string>> References(RecordQuery query) =>
            (await host.Queries.ListRecordsAsync(query, CancellationToken.None)).Select(r => r.Reference);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Records_are_found_by_the_references_a_flag_cites(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        await host.Store.AppendRecordsAsync(
        [
            Record($"TAX-{Code}-2026-03"),
            Record($"TAX-{Code}-2026-03", version: 2),
            Record($"BHXH-{Code}-2026-03", registry: RegistryIds.SocialInsurance),
            Record($"TAX-{Code}-2026-02"),
            Record($"TAX-{Code}-2026-03", enterpriseCode: OtherCode, registry: RegistryIds.SocialInsurance),
        ], CancellationToken.None);

        var found = await host.Queries.GetRecordsByReferenceAsync(
            Code,
            [$"TAX-{Code}-2026-03@v1", $"TAX-{Code}-2026-03@v2", $"BHXH-{Code}-2026-03@v1", $"TAX-{Code}-2026-03@v1", $"TAX-{Code}-2026-01@v1", "garbage", "TAX@vX", "@v1"],
            CancellationToken.None);

        Assert.Equal(
            [(RegistryIds.SocialInsurance, $"BHXH-{Code}-2026-03@v1"), (RegistryIds.Tax, $"TAX-{Code}-2026-03@v1"), (RegistryIds.Tax, $"TAX-{Code}-2026-03@v2")],
            found.Select(r => (r.Registry, r.Reference)));
        Assert.Empty(await host.Queries.GetRecordsByReferenceAsync(Code, [], CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Stored_evidence_cannot_be_changed_or_deleted(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        await host.Store.AppendRecordsAsync([Record("TAX-1")], CancellationToken.None);
        await host.Store.AppendFlagsAsync([Flag("flag-1")], CancellationToken.None);

        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "UPDATE registry_records SET fields_json = '{}'"));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "DELETE FROM registry_records"));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "UPDATE risk_flags SET severity = 'low'"));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "DELETE FROM risk_flags"));

        Assert.Single(await host.Queries.ListRecordsAsync(new RecordQuery("0314409058", null, null, null, 10), CancellationToken.None));
        Assert.Single(await host.Queries.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 10), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_page_size_outside_1_to_1000_is_refused(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Queries.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 0, 0), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Queries.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 10, -1), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Queries.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 1001), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Queries.ListRecordsAsync(new RecordQuery(Code, null, null, null, 0), CancellationToken.None));
    }

    private static void AssertSameRecord(RegistryRecord expected, RegistryRecord actual)
    {
        Assert.Equal(expected with { Fields = actual.Fields }, actual);
        Assert.Equal(expected.Fields, actual.Fields);
    }

    private static void AssertSameFlag(RiskFlag expected, RiskFlag actual)
    {
        Assert.Equal(expected with { Values = actual.Values, RecordReferences = actual.RecordReferences }, actual);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.RecordReferences, actual.RecordReferences);
    }
}
