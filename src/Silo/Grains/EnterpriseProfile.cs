using Inspection.Contracts.Registries;

namespace Inspection.Silo.Grains;

/// <summary>The enterprise's identity as business registration states it; jurisdiction is its province.</summary>
internal sealed record EnterpriseProfile(string Name, string Province, string ProvinceName, string Sector, string Status)
{
    public static EnterpriseProfile From(RegistryRecord registration) => new(
        Field(registration, "name"),
        Field(registration, "province"),
        Field(registration, "provinceName"),
        Field(registration, "sector"),
        Field(registration, "status"));

    private static string Field(RegistryRecord record, string name) =>
        record.Fields.TryGetValue(name, out var value) && value is not null ? value : string.Empty;
}
