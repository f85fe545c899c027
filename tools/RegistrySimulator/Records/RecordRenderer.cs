using System.Globalization;
using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Publishing;

namespace Inspection.RegistrySimulator.Records;

/// <summary>Turns a published fact into the record the gateway serves.</summary>
internal sealed class RecordRenderer(int seed, IReadOnlyList<Enterprise> enterprises)
{
    public const string WorkforceReportKind = "workforce-report";
    public const string AccidentReportKind = "accident-report";
    private const string AccidentIdPrefix = "ACC";

    private readonly FilingFigures _figures = new(seed);

    public FilingFigures Figures => _figures;

    public RegistryRecord Render(Fact fact)
    {
        var enterprise = enterprises[fact.Enterprise];
        var service = RegistryServices.Of(fact.Registry);
        var code = enterprise.Code;
        var month = fact.Month;
        var period = month.ToString();
        return fact.Registry switch
        {
            Registry.BusinessRegistration =>
                new RegistryRecord($"{service.IdPrefix}-{code}", fact.Version, code, service.RecordKind, null, Registration(enterprise, fact)),
            Registry.Tax => new RegistryRecord(
                $"{service.IdPrefix}-{code}-{period}", fact.Version, code, service.RecordKind, period, _figures.VatReturn(enterprise, month, fact.MonthVariant)),
            Registry.SocialInsurance => new RegistryRecord(
                $"{service.IdPrefix}-{code}-{period}", fact.Version, code, service.RecordKind, period, _figures.Contribution(enterprise, month, fact.MonthVariant)),
            Registry.Labour when fact.IsAccident => new RegistryRecord(
                string.Create(CultureInfo.InvariantCulture, $"{AccidentIdPrefix}-{code}-{period}-{fact.AccidentNumber}"),
                fact.Version,
                code,
                AccidentReportKind,
                period,
                _figures.Accident(enterprise, month, fact.AccidentNumber, fact.AccidentVariant)),
            Registry.Labour => new RegistryRecord(
                string.Create(CultureInfo.InvariantCulture, $"{service.IdPrefix}-{code}-{month.Year}-H{(month.Month <= 6 ? 1 : 2)}"),
                fact.Version,
                code,
                WorkforceReportKind,
                period,
                _figures.WorkforceReport(enterprise, month, fact.WorkforceVariant)),
            Registry.Environment => new RegistryRecord(
                $"{service.IdPrefix}-{code}-{period}", fact.Version, code, service.RecordKind, period, _figures.MonitoringSummary(enterprise, month, fact.StationVariant)),
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Registry, "Unknown registry."),
        };
    }

    private static RegistrationData Registration(Enterprise enterprise, Fact fact) => new(
        enterprise.Name,
        enterprise.Province.Code,
        enterprise.Province.Name,
        enterprise.Sector.Id,
        enterprise.Sector.VsicCode,
        Sectors.VsicVersion,
        enterprise.CharterCapital,
        enterprise.RegisteredOn,
        fact.Status.ToWire(),

        // The first version is the registration itself; every later one is a status change from the first of a month.
        fact.Version == 1 ? enterprise.RegisteredOn : fact.Month.FirstDay);
}
