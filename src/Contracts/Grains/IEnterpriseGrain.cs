using Orleans.Concurrency;

namespace Inspection.Contracts.Grains;

/// <summary>
/// One inspected enterprise (doanh nghiệp), keyed by its 10-digit enterprise code. It pulls the
/// enterprise's records from every connected registry on a cadence, keeps them as evidence, and
/// raises flags through the rule pack.
/// </summary>
[Alias("Inspection.IEnterpriseGrain")]
public interface IEnterpriseGrain : IGrainWithStringKey
{
    /// <summary>Starts (or confirms) monitoring: the grain keeps pulling by itself from now on, across restarts.</summary>
    [Alias("StartMonitoring")]
    Task StartMonitoring();

    /// <summary>Pulls every registry once now, and evaluates the rules on what is new.</summary>
    [Alias("PullNow")]
    Task<PullReport> PullNow();

    [Alias("GetStatus")]
    Task<EnterpriseStatus> GetStatus();

    /// <summary>
    /// Asked by a change-feed reader before it stores records for this enterprise: true when the
    /// enterprise is monitored, or business registration knows it (monitoring then starts); false when
    /// business registration does not know it, so records naming it are not kept.
    /// </summary>
    [Alias("Admit")]
    Task<bool> Admit();

    /// <summary>
    /// Takes records a change-feed reader has already stored for this enterprise, and returns once an
    /// assessment that saw them is done. Calls interleave, so that the pages of several registries
    /// arriving together share one assessment.
    /// </summary>
    [Alias("Absorb"), AlwaysInterleave]
    Task Absorb(IReadOnlyList<Registries.RegistryRecord> records);

    /// <summary>
    /// Assesses the enterprise again now, under the rule pack in force, whether or not anything is new.
    /// <paramref name="caughtUpFeeds"/> names the change feeds known to be read to their end at the
    /// time of asking (the sweep asks them), so that a record found missing is judged so at once.
    /// </summary>
    [Alias("Reassess")]
    Task Reassess(IReadOnlyList<string> caughtUpFeeds);

    /// <summary>
    /// The flags the rules in force on <paramref name="asOf"/> raise on the records of the periods up to
    /// it (re-assessing the enterprise's past); nothing is stored or raised.
    /// </summary>
    [Alias("AssessAsOf")]
    Task<IReadOnlyList<Evidence.RiskFlag>> AssessAsOf(DateOnly asOf);

    /// <summary>What the risk models need of the enterprise; null when it has no registration yet.</summary>
    [Alias("GetModelInputs")]
    Task<Models.ModelInputs?> GetModelInputs();

    /// <summary>What the registries already know for a report's period, and the period's receipt if it was reported; null for an unknown template or period.</summary>
    [Alias("PrefillReport")]
    Task<Reports.ReportPrefill?> PrefillReport(string templateId, string period);

    /// <summary>
    /// Judges a report against its template, the registries' records and the previous period's report;
    /// stores it with a receipt when it passes, and assesses the enterprise again on it, so that a
    /// difference from the registries becomes a flag.
    /// </summary>
    [Alias("SubmitReport")]
    Task<Reports.ReportResult> SubmitReport(Reports.ReportSubmission submission, Cases.CaseActor actor);

    /// <summary>The report periods the enterprise owes under each template, newest first: received, due or overdue.</summary>
    [Alias("GetReportObligations")]
    Task<IReadOnlyList<Reports.ReportObligation>> GetReportObligations();

    /// <summary>Takes what the risk models made of the enterprise, and ranks it again (its risk score and its reasons).</summary>
    [Alias("TakeModelScores")]
    Task TakeModelScores(Models.ModelScores scores);
}
