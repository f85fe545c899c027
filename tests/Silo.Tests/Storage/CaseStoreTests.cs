using System.Data.Common;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Silo.Cases;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using Inspection.TestSupport;

namespace Inspection.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class CaseStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly CaseActor Inspector = new("tv-01", "inspector");

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_step_is_kept_with_its_audit_entry_and_the_latest_version_is_what_is_read(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var opened = CaseRules.Open("case-a", Opening("0100109106", "01"), Inspector, Now);
        await host.Cases.RecordAsync(opened.Case!, opened.Action, Inspector, Now, opened.Details, CancellationToken.None);
        var requested = CaseRules.Request(opened.Case!, new NewRequest("Sổ sách kế toán", new DateOnly(2026, 12, 20)), Inspector, Now);
        await host.Cases.RecordAsync(requested.Case!, requested.Action, Inspector, Now, requested.Details, CancellationToken.None);

        var read = (await host.Cases.GetAsync("case-a", CancellationToken.None))!;
        Assert.Equal((2, CaseStatuses.UnderWay, "Sổ sách kế toán"), (read.Version, read.Status, read.Requests[0].Text));
        Assert.Equal(opened.Case!.Decision.Team, read.Decision.Team);
        var trail = await host.Audit.ListAsync(new AuditQuery("case:case-a", null, null, 10), CancellationToken.None);
        Assert.Equal(["case.request-sent", "case.opened"], trail.Select(e => e.Event.Action));
        Assert.Null(await host.Cases.GetAsync("case-b", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_version_recorded_twice_is_refused_and_leaves_neither_case_nor_audit_changed(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var opened = CaseRules.Open("case-a", Opening("0100109106", "01"), Inspector, Now);
        await host.Cases.RecordAsync(opened.Case!, opened.Action, Inspector, Now, opened.Details, CancellationToken.None);
        var rival = opened.Case! with { Mode = CaseModes.OnSite };

        await Assert.ThrowsAsync<CaseConflictException>(() => host.Cases.RecordAsync(rival, "case.opened", Inspector, Now, opened.Details, CancellationToken.None));

        Assert.Equal(CaseModes.Remote, (await host.Cases.GetAsync("case-a", CancellationToken.None))!.Mode);
        Assert.Single(await host.Audit.ListAsync(new AuditQuery("case:case-a", null, null, 10), CancellationToken.None));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "UPDATE case_events SET action = 'case.cancelled'"));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "DELETE FROM case_events"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cases_are_listed_newest_first_within_provinces_one_enterprise_or_one_status(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        (string Id, string Code, string Province, int Hours)[] cases = [("c1", "0100109106", "01", 0), ("c2", "0314409058", "79", 1), ("c3", "0100109106", "01", 2)];
        foreach (var (id, code, province, hours) in cases)
        {
            var step = CaseRules.Open(id, Opening(code, province), Inspector, Now.AddHours(hours));
            await host.Cases.RecordAsync(step.Case!, step.Action, Inspector, Now.AddHours(hours), step.Details, CancellationToken.None);
        }

        var c1 = (await host.Cases.GetAsync("c1", CancellationToken.None))!;
        var cancelled = CaseRules.Cancel(c1, "Trùng kế hoạch");
        await host.Cases.RecordAsync(cancelled.Case!, cancelled.Action, Inspector, Now, cancelled.Details, CancellationToken.None);

        async Task<string[]> Ids(IReadOnlyCollection<string>? provinces, string? code, string? status) =>
            [.. (await host.Cases.ListCasesAsync(provinces, code, status, 50, CancellationToken.None)).Select(c => c.Id)];
        Assert.Equal(["c3", "c2", "c1"], await Ids(null, null, null));
        Assert.Equal(["c3", "c1"], await Ids(["01"], null, null));
        Assert.Empty(await Ids([], null, null));
        Assert.Equal(["c2"], await Ids(null, "0314409058", null));
        Assert.Equal(["c1"], await Ids(null, null, CaseStatuses.Cancelled));
    }

    private static OpenCase Opening(string code, string province) => new(
        code, province, "manufacturing", "Thanh tra Sở Tài chính", CaseSelections.Risk,
        new CaseDecision("45/QĐ-TTr", new DateOnly(2026, 12, 1), "Luật Thanh tra 84/2025/QH15", "Thuế năm 2026", ["tv-01"], new DateOnly(2026, 12, 31)),
        CaseModes.Remote);
}
