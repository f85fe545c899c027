using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Publishing;

namespace Inspection.RegistrySimulator.Records;

/// <summary>Turns a published fact into the record the gateway serves.</summary>
internal sealed class RecordRenderer(int seed, IReadOnlyList<Enterprise> enterprises)
{
    private readonly FilingFigures _figures = new(seed);

    public RegistryRecord Render(Fact fact)
    {
        var enterprise = enterprises[fact.Enterprise];
        var service = RegistryServices.Of(fact.Registry);
        if (fact.Registry == Registry.BusinessRegistration)
        {
            return new RegistryRecord(
                $"{service.IdPrefix}-{enterprise.Code}", fact.Version, enterprise.Code, service.RecordKind, null, Registration(enterprise, fact));
        }

        var period = fact.Month.ToString();
        RecordData data = fact.Registry == Registry.Tax
            ? _figures.VatReturn(enterprise, fact.Month, fact.MonthVariant)
            : _figures.Contribution(enterprise, fact.Month, fact.MonthVariant);
        return new RegistryRecord($"{service.IdPrefix}-{enterprise.Code}-{period}", fact.Version, enterprise.Code, service.RecordKind, period, data);
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
