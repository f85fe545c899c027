using System.Data.Common;
using Inspection.Contracts.Audit;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using Inspection.TestSupport;

namespace Inspection.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTests(PostgresServer postgres)
{
    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Entries_link_into_one_chain_and_read_back_newest_first(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);

        var first = await host.Audit.AppendAsync(Event("rule-version.promoted", "rule:TAX-LATE-FILING@2", ("from", "1")), default);
        var second = await host.Audit.AppendAsync(Event("case.opened", "case:2026-001"), default);
        var third = await host.Audit.AppendAsync(Event("rule-version.promoted", "rule:BHXH-ARREARS@3", ("note", null)), default);

        Assert.Equal([1L, 2L, 3L], new[] { first.Sequence, second.Sequence, third.Sequence });
        Assert.Equal(new string('0', 64), first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(second.Hash, third.PreviousHash);
        Assert.Equal(3, new[] { first.Hash, second.Hash, third.Hash }.Distinct().Count());

        var all = await host.Audit.ListAsync(new AuditQuery(null, null, null, 10), default);
        Assert.Equal([3L, 2L, 1L], all.Select(e => e.Sequence));
        Assert.Equal(first, all[2] with { Event = all[2].Event with { Details = first.Event.Details } });
        Assert.Equal("1", all[2].Event.Details["from"]);
        Assert.Null(all[0].Event.Details["note"]);
        Assert.Equal([3L, 1L], (await host.Audit.ListAsync(new AuditQuery(null, "rule-version.promoted", null, 10), default)).Select(e => e.Sequence));
        Assert.Equal([2L], (await host.Audit.ListAsync(new AuditQuery("case:2026-001", null, null, 10), default)).Select(e => e.Sequence));
        Assert.Equal([1L], (await host.Audit.ListAsync(new AuditQuery(null, null, 2, 10), default)).Select(e => e.Sequence));
        Assert.Equal(new AuditVerification(true, 3, null, null), await host.Audit.VerifyAsync(default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appends_at_once_never_fork_the_chain(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);

        var entries = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => host.Audit.AppendAsync(Event("case.opened", $"case:{i}"), default))));

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), entries.Select(e => e.Sequence).Order());
        Assert.Equal(new AuditVerification(true, 60, null, null), await host.Audit.VerifyAsync(default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_database_refuses_to_change_or_remove_an_entry(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        await host.Audit.AppendAsync(Event("case.opened", "case:1"), default);

        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "UPDATE audit_log SET actor = 'someone-else'"));
        await Assert.ThrowsAnyAsync<DbException>(() => host.Database.ExecuteAsync("evidence.db", "DELETE FROM audit_log"));
        Assert.True((await host.Audit.VerifyAsync(default)).Intact);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET details_json = '{\"from\":\"9\"}' WHERE sequence = 3", 3L, "content")]
    [InlineData("UPDATE audit_log SET at_ms = at_ms + 1 WHERE sequence = 2", 2L, "content")]
    [InlineData("DELETE FROM audit_log WHERE sequence = 4", 4L, "missing")]
    public async Task Verification_finds_the_first_entry_changed_behind_the_database_s_back(string tampering, long broken, string problem)
    {
        await using var host = await EvidenceStoreHost.StartAsync(StorageProvider.Sqlite, postgres);
        for (var i = 1; i <= 6; i++)
        {
            await host.Audit.AppendAsync(Event("rule-version.promoted", $"rule:R{i}", ("from", "1")), default);
        }

        // Someone with the file in hand removes the guards first.
        await host.Database.ExecuteAsync("evidence.db", "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
        await host.Database.ExecuteAsync("evidence.db", tampering);

        var verification = await host.Audit.VerifyAsync(default);
        Assert.False(verification.Intact);
        Assert.Equal(broken, verification.FirstBrokenSequence);
        Assert.Equal(broken - 1, verification.Entries);
        Assert.Contains(problem, verification.Problem, StringComparison.Ordinal);
    }

    private static AuditEvent Event(string action, string subject, params (string Key, string? Value)[] details) =>
        new("admin-1", "admin", action, subject, details.ToDictionary(d => d.Key, d => d.Value));
}
