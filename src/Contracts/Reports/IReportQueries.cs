namespace Inspection.Contracts.Reports;

/// <summary>The receipts of submitted reports.</summary>
public interface IReportQueries
{
    Task<ReportReceipt?> GetReceiptAsync(string number, CancellationToken ct);

    /// <summary>Receipts newest first, limited to provinces, one enterprise or one template when given.</summary>
    Task<IReadOnlyList<ReportReceipt>> ListReceiptsAsync(IReadOnlyCollection<string>? provinces, string? enterpriseCode, string? templateId, int limit, CancellationToken ct);
}

/// <summary>The report templates enterprises report on.</summary>
public interface IReportCatalog
{
    IReadOnlyList<ReportTemplate> Templates { get; }

    ReportTemplate? Find(string id);
}
