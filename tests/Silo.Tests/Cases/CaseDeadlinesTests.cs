using Inspection.Contracts.Cases;
using Inspection.Contracts.Documents;
using Inspection.Silo.Cases;

namespace Inspection.Silo.Tests.Cases;

public class CaseDeadlinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(3);
    private static readonly DateOnly DueOn = new(2026, 12, 10);
    private static readonly CaseActor Inspector = new("tv-01", "inspector");

    [Fact]
    public void A_request_owes_nothing_before_the_window_then_due_soon_then_overdue_each_once()
    {
        var file = WithRequest();

        Assert.Empty(CaseDeadlines.Owed(file, CaseDeadlines.PassesAt(DueOn) - Window - TimeSpan.FromSeconds(1), Window));
        var soon = Assert.Single(CaseDeadlines.Owed(file, CaseDeadlines.PassesAt(DueOn) - Window, Window));
        Assert.Equal((1, DueOn, DeadlineNoticeKinds.DueSoon), (soon.RequestNumber, soon.DueOn, soon.Kind));
        var step = CaseRules.NoteDeadline(file, soon);
        Assert.Equal(("case.request-due-soon", "1"), (step.Action, step.Details["request"]));
        file = step.Case!;

        Assert.Empty(CaseDeadlines.Owed(file, new DateTimeOffset(2026, 12, 10, 23, 59, 59, TimeSpan.Zero), Window));
        Assert.True(CaseDeadlines.IsWatched(file));
        var late = Assert.Single(CaseDeadlines.Owed(file, CaseDeadlines.PassesAt(DueOn), Window));
        Assert.Equal(DeadlineNoticeKinds.Overdue, late.Kind);
        file = CaseRules.NoteDeadline(file, late).Case!;

        Assert.Empty(CaseDeadlines.Owed(file, CaseDeadlines.PassesAt(DueOn).AddDays(30), Window));
        Assert.False(CaseDeadlines.IsWatched(file));
        Assert.Equal([DeadlineNoticeKinds.DueSoon, DeadlineNoticeKinds.Overdue], file.DeadlineNotices!.Select(n => n.Kind));
        Assert.Equal(CaseRefusal.NotAllowed, CaseRules.NoteDeadline(file, late).Refusal!.Code);
    }

    [Fact]
    public void A_request_first_seen_after_its_due_date_owes_only_the_overdue_notice()
    {
        var owed = CaseDeadlines.Owed(WithRequest(), CaseDeadlines.PassesAt(DueOn).AddDays(2), Window);

        Assert.Equal([DeadlineNoticeKinds.Overdue], owed.Select(n => n.Kind));
    }

    [Fact]
    public void Answered_and_withdrawn_requests_and_locked_cases_owe_nothing_and_are_not_watched()
    {
        var overdue = CaseDeadlines.PassesAt(DueOn).AddDays(1);
        var answered = CaseRules.Answer(WithRequest(), new NewAnswer(1, "Đã gửi", [new DocumentRef(new string('a', 64), 10, "application/pdf", "a.pdf", Now)]), new CaseActor("0100109106", "enterprise"), Now).Case!;
        var withdrawn = CaseRules.Withdraw(WithRequest(), 1).Case!;
        var cancelled = CaseRules.Cancel(WithRequest(), "Trùng cuộc kiểm tra khác").Case!;

        Assert.All(new[] { answered, withdrawn, cancelled }, file =>
        {
            Assert.Empty(CaseDeadlines.Owed(file, overdue, Window));
            Assert.False(CaseDeadlines.IsWatched(file));
        });
        Assert.Equal(CaseRefusal.Locked, CaseRules.NoteDeadline(cancelled, new CaseDeadlineNotice(1, DueOn, DeadlineNoticeKinds.Overdue, overdue)).Refusal!.Code);
        Assert.True(CaseDeadlines.IsWatched(CaseRules.Review(answered, new RequestReview(1, Accept: false, "Thiếu trang 2"), Inspector).Case!));
    }

    [Fact]
    public void Notices_go_to_the_enterprise_when_due_soon_and_to_the_inspectors_when_overdue()
    {
        var soon = new CaseNotice("c", "0100109106", "01", "case.request-due-soon", 1, DueOn, Now);
        var late = soon with { Action = "case.request-overdue" };

        Assert.Equal((DeadlineNoticeKinds.DueSoon, true, false), (soon.Kind, soon.ForEnterprise, soon.ForInspectors));
        Assert.Equal((DeadlineNoticeKinds.Overdue, false, true), (late.Kind, late.ForEnterprise, late.ForInspectors));
    }

    private static CaseFile WithRequest()
    {
        var decision = new CaseDecision("123/QĐ-TTr", new DateOnly(2026, 12, 1), "Luật Thanh tra 84/2025/QH15", "BHXH năm 2026", ["tv-01"], new DateOnly(2026, 12, 31));
        var opened = CaseRules.Open("case-1", new OpenCase("0100109106", "01", "manufacturing", "Thanh tra Sở LĐ-TB&XH Hà Nội", CaseSelections.Risk, decision, CaseModes.Remote), Inspector, Now).Case!;
        return CaseRules.Request(opened, new NewRequest("Bảng lương tháng 11/2026", DueOn), Inspector, Now).Case!;
    }
}
