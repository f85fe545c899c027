using Inspection.Contracts.Cases;
using Inspection.Contracts.Documents;
using Inspection.Silo.Cases;

namespace Inspection.Silo.Tests.Cases;

public class CaseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly CaseActor Inspector = new("tv-01", "inspector");
    private static readonly CaseActor Enterprise = new("0100109106", "enterprise");
    private static readonly DocumentRef Payroll = new(new string('a', 64), 1024, "application/pdf", "bang-luong.pdf", Now);

    [Fact]
    public void A_remote_case_runs_from_decision_to_conclusion_and_is_then_locked()
    {
        var file = Opened();
        Assert.Equal((CaseStatuses.Open, 1), (file.Status, file.Version));

        file = Ok(CaseRules.Request(file, new NewRequest("Bảng lương tháng 9/2026", new DateOnly(2026, 12, 15)), Inspector, Now));
        Assert.Equal((CaseStatuses.UnderWay, RequestStatuses.Awaiting), (file.Status, file.Requests[0].Status));
        file = Ok(CaseRules.Answer(file, new NewAnswer(1, "Gửi kèm bảng lương", [Payroll]), Enterprise, Now.AddDays(2)));
        file = Ok(CaseRules.Review(file, new RequestReview(1, Accept: true), Inspector));
        file = Ok(CaseRules.RecordFinding(file, new NewFinding("Số lao động đóng BHXH thấp hơn bảng lương", true,
            [new CaseEvidence(EvidenceKinds.Document, Payroll.Sha256), new CaseEvidence(EvidenceKinds.Flag, "flag-1")]), Inspector, Now.AddDays(3)));
        var step = CaseRules.Conclude(file, new NewConclusion(CaseOutcomes.Violation, "Vi phạm về BHXH", [new FollowUp("Đóng bù BHXH", new DateOnly(2027, 1, 31))]), Inspector, Now.AddDays(4));
        file = Ok(step);

        Assert.Equal("case.concluded", step.Action);
        Assert.Equal(CaseOutcomes.Violation, step.Details["outcome"]);
        Assert.True(file.IsLocked);
        Assert.Equal(6, file.Version);
        Assert.Equal(CaseRefusal.Locked, CaseRules.Request(file, new NewRequest("Thêm", new DateOnly(2027, 1, 1)), Inspector, Now).Refusal!.Code);
        Assert.Equal(CaseRefusal.Locked, CaseRules.Answer(file, new NewAnswer(1, "Muộn", []), Enterprise, Now).Refusal!.Code);
        Assert.Equal(CaseRefusal.Locked, CaseRules.Cancel(file, "Nhầm").Refusal!.Code);
    }

    [Fact]
    public void Unlawful_steps_are_refused_and_say_why()
    {
        var file = Ok(CaseRules.Request(Opened(), new NewRequest("Sổ kế toán", new DateOnly(2026, 12, 15)), Inspector, Now));

        var early = CaseRules.Conclude(file, new NewConclusion(CaseOutcomes.Compliant, "Không vi phạm", []), Inspector, Now);
        Assert.Equal(CaseRefusal.NotAllowed, early.Refusal!.Code);
        Assert.Contains("Request 1 is still awaiting", early.Refusal.Message, StringComparison.Ordinal);

        Assert.Equal(CaseRefusal.NotAllowed, CaseRules.Review(file, new RequestReview(1, true), Inspector).Refusal!.Code);
        Assert.Equal(CaseRefusal.NotFound, CaseRules.Answer(file, new NewAnswer(9, "?", []), Enterprise, Now).Refusal!.Code);

        file = Ok(CaseRules.Answer(file, new NewAnswer(1, "Đây", [Payroll]), Enterprise, Now));
        Assert.Equal(CaseRefusal.NotAllowed, CaseRules.Answer(file, new NewAnswer(1, "Lần nữa", []), Enterprise, Now).Refusal!.Code);
        var returned = CaseRules.Review(file, new RequestReview(1, Accept: false, Note: " Thiếu bảng lương tháng 10 "), Inspector);
        file = Ok(returned);
        Assert.Equal((RequestStatuses.Awaiting, "Thiếu bảng lương tháng 10"), (file.Requests[0].Status, file.Requests[0].ReviewNote));
        Assert.Equal(("case.answer-returned", "Thiếu bảng lương tháng 10"), (returned.Action, returned.Details["note"]));
        file = Ok(CaseRules.Withdraw(file, 1));

        var noFinding = CaseRules.Conclude(file, new NewConclusion(CaseOutcomes.SanctionProposed, "Đề nghị xử phạt", []), Inspector, Now);
        Assert.Equal((CaseRefusal.NotAllowed, "outcome"), (noFinding.Refusal!.Code, noFinding.Refusal.Field));
        var stranger = CaseRules.RecordFinding(file, new NewFinding("?", true, [new CaseEvidence(EvidenceKinds.Document, new string('b', 64))]), Inspector, Now);
        Assert.Equal((CaseRefusal.Invalid, "evidence"), (stranger.Refusal!.Code, stranger.Refusal.Field));
        Assert.Equal("evidence", CaseRules.RecordFinding(file, new NewFinding("Không có chứng cứ", true, []), Inspector, Now).Refusal!.Field);
        var pastFollowUp = CaseRules.Conclude(file, new NewConclusion(CaseOutcomes.Compliant, "Tuân thủ", [new FollowUp("Báo cáo", new DateOnly(2026, 11, 1))]), Inspector, Now);
        Assert.Equal("followUps", pastFollowUp.Refusal!.Field);
        Assert.Equal(CaseStatuses.Concluded, Ok(CaseRules.Conclude(file, new NewConclusion(CaseOutcomes.Compliant, "Tuân thủ", []), Inspector, Now)).Status);
    }

    [Fact]
    public void A_change_of_mode_needs_a_reason_and_is_kept()
    {
        var file = Opened();

        Assert.Equal("reason", CaseRules.ChangeMode(file, CaseModes.Hybrid, " ", Inspector, Now).Refusal!.Field);
        Assert.Equal(CaseRefusal.NotAllowed, CaseRules.ChangeMode(file, CaseModes.Remote, "Vẫn vậy", Inspector, Now).Refusal!.Code);
        Assert.Equal("mode", CaseRules.ChangeMode(file, "by-post", "?", Inspector, Now).Refusal!.Field);
        file = Ok(CaseRules.ChangeMode(file, CaseModes.Hybrid, "Cần kiểm tra hệ thống xử lý nước thải tại chỗ", Inspector, Now));

        Assert.Equal(CaseModes.Hybrid, file.Mode);
        Assert.Equal(new ModeChange(CaseModes.Remote, CaseModes.Hybrid, "Cần kiểm tra hệ thống xử lý nước thải tại chỗ", Now, "tv-01"), Assert.Single(file.ModeChanges));
    }

    [Theory]
    [InlineData("0100109107", "", "enterpriseCode")]
    [InlineData("0100109106", "", "decision.number")]
    [InlineData("0100109106", "team", "decision.team")]
    [InlineData("0100109106", "deadline", "decision.deadline")]
    [InlineData("0100109106", "mode", "mode")]
    public void A_case_opens_only_on_a_valid_code_under_a_whole_decision(string code, string spoil, string field)
    {
        var decision = Decision() with { Number = code == "0100109106" && spoil == "" ? " " : "123/QĐ-TTr" };
        decision = spoil switch
        {
            "team" => decision with { Team = [] },
            "deadline" => decision with { Deadline = decision.Date.AddDays(-1) },
            _ => decision,
        };
        var command = new OpenCase(code, "01", "manufacturing", "Thanh tra Sở LĐ-TB&XH Hà Nội", CaseSelections.Risk, decision, spoil == "mode" ? "by-post" : CaseModes.Remote);

        var step = CaseRules.Open("case-1", command, Inspector, Now);

        Assert.Null(step.Case);
        Assert.Equal((CaseRefusal.Invalid, field), (step.Refusal!.Code, step.Refusal.Field));
    }

    private static CaseDecision Decision() =>
        new("123/QĐ-TTr", new DateOnly(2026, 12, 1), "Luật Thanh tra 84/2025/QH15; Luật BHXH 41/2024/QH15", "Việc chấp hành pháp luật về BHXH năm 2026", ["tv-01", "tv-02"], new DateOnly(2026, 12, 31));

    private static CaseFile Opened() =>
        Ok(CaseRules.Open("case-1", new OpenCase("0100109106", "01", "manufacturing", "Thanh tra Sở LĐ-TB&XH Hà Nội", CaseSelections.Risk, Decision(), CaseModes.Remote), Inspector, Now));

    private static CaseFile Ok(CaseStep step)
    {
        Assert.Null(step.Refusal);
        return step.Case!;
    }
}
