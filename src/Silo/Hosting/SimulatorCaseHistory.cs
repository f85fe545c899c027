using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inspection.Contracts.Cases;
using Inspection.RegistrySimulator;
using Inspection.Silo.Storage;

namespace Inspection.Silo.Hosting;

/// <summary>
/// In the embedded default, keeps the simulated agency's past inspections as concluded cases, so that
/// the remote-check ratio and hit rates have a history to show from the first start (as an agency would
/// migrate its earlier case records). Each becomes one locked case with its mode, selection reason and
/// outcome; its id is derived from the enterprise and day, so a restart adds nothing. Runs behind the
/// start-up: the platform serves while the history is written.
/// </summary>
public sealed partial class SimulatorCaseHistory(EmbeddedSimulator simulator, ICaseStore cases, ILogger<SimulatorCaseHistory> logger) : BackgroundService
{
    /// <summary>Who the imported cases name as having opened and concluded them.</summary>
    public static readonly CaseActor Importer = new("simulator", "system");

    /// <summary>The Law on Inspection in force from 1 July 2025; the one before it for earlier cases.</summary>
    private static readonly DateOnly NewInspectionLaw = new(2025, 7, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var added = 0;
        var number = 0;
        foreach (var outcome in simulator.Outcomes.OrderBy(o => o.DecidedOn).ThenBy(o => o.EnterpriseCode, StringComparer.Ordinal))
        {
            number++;
            var file = CaseOf(outcome, number);
            if (await cases.GetAsync(file.Id, stoppingToken) is not null)
            {
                continue;
            }

            await cases.RecordAsync(file, "case.imported", Importer, file.Conclusion!.ConcludedAt,
                new Dictionary<string, string?> { ["source"] = "simulator", ["enterprise"] = file.EnterpriseCode }, stoppingToken);
            added++;
        }

        LogImported(logger, added, number);
    }

    public static CaseFile CaseOf(InspectionOutcome outcome, int number)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"simulator-case:{outcome.EnterpriseCode}:{outcome.DecidedOn:yyyy-MM-dd}")))[..32];
        var concludedAt = new DateTimeOffset(outcome.DecidedOn.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        var opened = outcome.DecidedOn.AddDays(-20);
        var law = opened >= NewInspectionLaw ? "Luật Thanh tra số 84/2025/QH15" : "Luật Thanh tra số 11/2022/QH15";
        var decision = new CaseDecision(
            string.Create(CultureInfo.InvariantCulture, $"{number:D4}/QĐ-TTr"), opened, law,
            "Việc chấp hành pháp luật về thuế, bảo hiểm xã hội, lao động và bảo vệ môi trường (dữ liệu mô phỏng)", [Importer.Subject], outcome.DecidedOn);
        var conclusion = new CaseConclusion(
            outcome.ViolationFound ? CaseOutcomes.Violation : CaseOutcomes.Compliant,
            outcome.ViolationFound ? "Phát hiện vi phạm (hồ sơ mô phỏng)." : "Chấp hành đúng quy định (hồ sơ mô phỏng).",
            [], concludedAt, Importer.Subject);
        return new CaseFile(
            id, outcome.EnterpriseCode, outcome.Province, outcome.Sector, "Thanh tra tỉnh", outcome.Selection, decision, outcome.Mode,
            [], CaseStatuses.Concluded, [], [], conclusion, null, new DateTimeOffset(opened.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero), Importer.Subject, 1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept {Added} of the simulated agency's {Count} past inspections as concluded cases")]
    private static partial void LogImported(ILogger logger, int added, int count);
}
