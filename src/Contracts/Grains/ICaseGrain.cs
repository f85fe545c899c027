using Inspection.Contracts.Cases;

namespace Inspection.Contracts.Grains;

/// <summary>
/// One inspection case (cuộc kiểm tra), keyed by its id: the single writer of its steps, each lawful
/// step recorded with its audit entry before it is answered; a refused step changes nothing.
/// </summary>
[Alias("Inspection.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<CaseFile?> Get();

    [Alias("Open")]
    Task<CaseResult> Open(OpenCase command, CaseActor actor);

    [Alias("Request")]
    Task<CaseResult> Request(NewRequest command, CaseActor actor);

    [Alias("Answer")]
    Task<CaseResult> Answer(NewAnswer command, CaseActor actor);

    [Alias("Review")]
    Task<CaseResult> Review(RequestReview command, CaseActor actor);

    [Alias("Withdraw")]
    Task<CaseResult> Withdraw(int requestNumber, CaseActor actor);

    [Alias("ChangeMode")]
    Task<CaseResult> ChangeMode(string mode, string reason, CaseActor actor);

    [Alias("RecordFinding")]
    Task<CaseResult> RecordFinding(NewFinding command, CaseActor actor);

    [Alias("Conclude")]
    Task<CaseResult> Conclude(NewConclusion command, CaseActor actor);

    [Alias("Cancel")]
    Task<CaseResult> Cancel(string reason, CaseActor actor);
}
