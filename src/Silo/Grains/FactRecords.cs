using Inspection.Contracts.Registries;
using Inspection.Rules;

namespace Inspection.Silo.Grains;

/// <summary>Registry records as the rules read them, compactly enough for every enterprise of a province to stay in memory.</summary>
internal static class FactRecords
{
    public static FactRecord From(RegistryRecord record)
    {
        // Field names repeat in every record of a kind; interned, the thousands of records of a sweep share one copy of each.
        var fields = new Dictionary<string, string?>(record.Fields.Count, StringComparer.Ordinal);
        foreach (var (name, value) in record.Fields)
        {
            fields[string.Intern(name)] = value;
        }

        return new FactRecord(string.Intern(record.Registry), record.RecordId, record.Version, string.Intern(record.Kind), record.Period, fields);
    }
}
