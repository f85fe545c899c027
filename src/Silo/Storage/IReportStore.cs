using Inspection.Contracts.Cases;
using Inspection.Contracts.Reports;

namespace Inspection.Silo.Storage;

/// <summary>
/// The reports enterprises submitted: each receipt, the report as a self-report evidence record, and the
/// audit entry of its receipt, stored in one transaction.
/// </summary>
public interface IReportStore : IReportQueries
{
    /// <summary>Stores a received report; refuses (<see cref="ReportConflictException"/>) a number or a period's version already stored.</summary>
    Task StoreAsync(ReportReceipt receipt, CaseActor actor, CancellationToken ct);
}

/// <summary>Another submission stored this receipt number, or this version of the period's report, first.</summary>
public sealed class ReportConflictException(string number)
    : InvalidOperationException($"Receipt {number}, or the version of the report it numbers, is already stored.");
