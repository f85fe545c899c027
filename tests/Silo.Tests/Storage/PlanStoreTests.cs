using System.Data.Common;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Plans;
using Inspection.Silo.Cases;
using Inspection.Silo.Plans;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using Inspection.TestSupport;

namespace Inspection.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PlanStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly CaseActor Inspector = new("tv-01", "inspector");

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_change_is_kept_with_its_audit_entry_a_version_twice_is_refused_and_the_history_cannot_be_rewritten(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var proposed = PlanRules.Propose("plan-a", Proposal("Thanh tra tỉnh", ["01"], new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), "0100109106"), Inspector, Now);
        await Record(host, proposed);
        var changed = PlanRules.ChangeEntry(proposed.Plan!, new PlanEntryChange(1, null, "2027-Q3", CaseModes.Hybrid));
        await Record(host, changed);

        var read = (await host.Plans.GetAsync("plan-a", CancellationToken.None))!;
        Assert.Equal((2, "2027-Q3", CaseModes.Hybrid, 0.8), (read.Version, read.Entries[0].PlannedIn, read.Entries[0].Mode, read.Entries[0].Reason.RiskScore));
        Assert.Equal("TAX-LATE", Assert.Single(read.Entries[0].Reason.RiskReasons).Code);
        var trail = await host.Audit.ListAsync(new AuditQuery("plan:plan-a", null, null, 10), CancellationToken.None);
        Assert.Equal(["plan.entry-changed", "plan.proposed"], trail.Select(e => e.Event.Action));

        await Assert.ThrowsAsync<PlanVersionConflictException>(() => Record(host, changed with { Plan = changed.Plan! with { Title = "Khác" } }));
        Assert.Equal(read.Title, (await host.Plans.GetAsync("plan-a", CancellationToken.None))!.Title);
        Assert.Equal(2, (await host.Audit.ListAsync(new AuditQuery("plan:plan-a", null, null, 10), CancellationToken.None)).Count);
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "UPDATE plan_events SET action = 'plan.approved'"));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "DELETE FROM plan_events"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Plans_are_listed_within_provinces_and_found_by_overlapping_period_and_enterprise_as_they_now_stand(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var year = (From: new DateOnly(2027, 1, 1), To: new DateOnly(2027, 12, 31));
        await Record(host, PlanRules.Propose("hanoi", Proposal("Thanh tra tỉnh", ["01"], year.From, year.To, "0100109106"), Inspector, Now));
        await Record(host, PlanRules.Propose("both", Proposal("Cục Thuế", ["01", "79"], new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 30), "0100109106", "0314409058"), Inspector, Now.AddHours(1)));
        await Record(host, PlanRules.Propose("last-year", Proposal("BHXH", ["01"], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "0100109106"), Inspector, Now.AddHours(2)));
        var emptied = PlanRules.RemoveEntry((await host.Plans.GetAsync("both", CancellationToken.None))!, 1);
        await Record(host, emptied);

        async Task<string[]> Listed(IReadOnlyCollection<string>? provinces) =>
            [.. (await host.Plans.ListPlansAsync(provinces, 50, CancellationToken.None)).Select(p => p.Id)];
        Assert.Equal(["last-year", "both", "hanoi"], await Listed(null));
        Assert.Equal(["last-year", "hanoi"], await Listed(["01"]));
        Assert.Equal(["last-year", "both", "hanoi"], await Listed(["01", "79"]));
        Assert.Empty(await Listed([]));

        async Task<string[]> Overlapping(string code) =>
            [.. (await host.Plans.ListOverlappingAsync("hanoi", year.From, year.To, [code], CancellationToken.None)).Select(p => p.Id)];
        // "both" no longer plans 0100109106 (its entry 1 was removed); "last-year" ended before 2027.
        Assert.Empty(await Overlapping("0100109106"));
        Assert.Equal(["both"], await Overlapping("0314409058"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_cases_opened_from_a_plan_are_read_with_their_status(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var opened = CaseRules.Open("case-1", new OpenCase("0100109106", "01", "trade", "Thanh tra tỉnh", CaseSelections.Plan,
            new CaseDecision("12/QĐ-TTr", new DateOnly(2027, 2, 1), "Luật Thanh tra 84/2025/QH15", "Thuế năm 2026", ["tv-01"], new DateOnly(2027, 3, 1)),
            CaseModes.Remote, new PlanReference("plan-a", 3)), Inspector, Now);
        await host.Cases.RecordAsync(opened.Case!, opened.Action, Inspector, Now, opened.Details, CancellationToken.None);
        var cancelled = CaseRules.Cancel(opened.Case!, "Doanh nghiệp đã giải thể");
        await host.Cases.RecordAsync(cancelled.Case!, cancelled.Action, Inspector, Now, cancelled.Details, CancellationToken.None);

        Assert.Equal([new PlanCase(3, "case-1", CaseStatuses.Cancelled, null)], await host.Plans.ListPlanCasesAsync("plan-a", CancellationToken.None));
        Assert.Empty(await host.Plans.ListPlanCasesAsync("plan-b", CancellationToken.None));
        Assert.Equal(new PlanReference("plan-a", 3), (await host.Cases.GetAsync("case-1", CancellationToken.None))!.Plan);
    }

    private static Task Record(EvidenceStoreHost host, PlanStep step)
    {
        Assert.True(step.Plan is not null, step.Refusal?.Message);
        return host.Plans.RecordAsync(step.Plan, step.Action, Inspector, Now, step.Details, CancellationToken.None);
    }

    private static NewPlan Proposal(string agency, IReadOnlyList<string> provinces, DateOnly from, DateOnly to, params string[] codes) =>
        new(agency, string.Empty, from, to, provinces, [PlanTopics.Tax], codes.Length, CaseModes.Remote,
            [.. codes.Select(code => new EnterpriseListing(code, "Công ty", code == "0314409058" ? "79" : "01", "", "trade", "active", 0.8, "high", 1, null,
                [new RiskReason(RiskReason.Flag, "TAX-LATE", 0.8, 1, null, "high")]))]);
}
