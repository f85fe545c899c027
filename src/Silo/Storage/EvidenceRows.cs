using System.Data.Common;
using System.Text.Json;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;

namespace Inspection.Silo.Storage;

/// <summary>How evidence rows map to the contracts, in both directions.</summary>
internal static class EvidenceRows
{
    public static readonly string[] RecordColumns =
    [
        "registry", "record_id", "version", "enterprise_code", "kind", "period", "fields_json",
        "service", "request_id", "request_hash", "payload_hash", "fetched_at_ms",
    ];

    public static readonly string[] FlagColumns =
    [
        "flag_id", "enterprise_code", "province", "rule_id", "rule_version", "severity", "period", "flag_json", "raised_at_ms",
    ];

    public static readonly string[] EnterpriseColumns =
    [
        "code", "name", "province", "province_name", "sector", "status", "risk_score", "risk_tier", "open_flags", "last_pulled_at_ms", "reasons_json",
    ];

    public static object?[] RecordValues(RegistryRecord record) =>
    [
        record.Registry, record.RecordId, record.Version, record.EnterpriseCode, record.Kind, record.Period,
        JsonSerializer.Serialize(record.Fields, EvidenceJson.Default.IReadOnlyDictionaryStringString),
        record.Provenance.Service, record.Provenance.RequestId, record.Provenance.RequestHash, record.Provenance.PayloadHash,
        record.Provenance.FetchedAt.ToUnixTimeMilliseconds(),
    ];

    public static object?[] FlagValues(RiskFlag flag) =>
    [
        flag.FlagId, flag.EnterpriseCode, flag.Province, flag.RuleId, flag.RuleVersion, flag.Severity, flag.Period,
        JsonSerializer.Serialize(flag, EvidenceJson.Default.RiskFlag), flag.RaisedAt.ToUnixTimeMilliseconds(),
    ];

    public static object?[] EnterpriseValues(EnterpriseListing listing) =>
    [
        listing.Code, listing.Name, listing.Province, listing.ProvinceName, listing.Sector, listing.Status,
        listing.RiskScore, listing.RiskTier, listing.OpenFlags, listing.LastPulledAt?.ToUnixTimeMilliseconds(),
        JsonSerializer.Serialize(listing.Reasons ?? [], EvidenceJson.Default.IReadOnlyListRiskReason),
    ];

    /// <summary>Reads a record selected with <see cref="RecordColumns"/>, in that order.</summary>
    public static RegistryRecord ReadRecord(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetString(3),
        reader.GetString(4),
        NullableString(reader, 5),
        JsonSerializer.Deserialize(reader.GetString(6), EvidenceJson.Default.IReadOnlyDictionaryStringString)
            ?? new Dictionary<string, string?>(),
        new RecordProvenance(
            reader.GetString(7),
            reader.GetString(8),
            NullableString(reader, 9),
            reader.GetString(10),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11))));

    /// <summary>Reads a flag from its <c>flag_json</c>, selected first.</summary>
    public static RiskFlag ReadFlag(DbDataReader reader) =>
        JsonSerializer.Deserialize(reader.GetString(0), EvidenceJson.Default.RiskFlag)
            ?? throw new InvalidDataException("A stored flag is empty.");

    /// <summary>Reads a listing selected with <see cref="EnterpriseColumns"/>, in that order.</summary>
    public static EnterpriseListing ReadEnterprise(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetDouble(6),
        reader.GetString(7),
        reader.GetInt32(8),
        reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        JsonSerializer.Deserialize(reader.GetString(10), EvidenceJson.Default.IReadOnlyListRiskReason) ?? []);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
