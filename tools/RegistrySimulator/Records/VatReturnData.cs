namespace Inspection.RegistrySimulator.Records;

/// <summary>Tax, kind <c>vat-return</c>: one month's VAT return.</summary>
internal sealed record VatReturnData(
    DateOnly PeriodStart,
    DateOnly DueDate,
    DateOnly FiledOn,
    long Revenue,
    long OutputVat,
    long InputVat,
    int InvoicesIssued,
    int PayrollHeadcount,
    int OverdueDays) : RecordData;
