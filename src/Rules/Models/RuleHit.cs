using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inspection.Rules;

/// <summary>
/// A sign of violation (dấu hiệu vi phạm) that one rule version found on one row of records: which
/// rule fired, with which values (<c>alias.field</c>, a window or a computed name → invariant value) and
/// from which records (<c>id@vN</c>). A <see cref="DryRun"/> hit comes of a version on trial: recorded,
/// never a flag.
/// </summary>
public sealed record RuleHit(
    string RuleId,
    int RuleVersion,
    string Severity,
    string? Period,
    string TitleVi,
    string TitleEn,
    string ExplanationVi,
    string ExplanationEn,
    string LegalBasis,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> RecordReferences,
    bool DryRun = false)
{
    /// <summary>
    /// A stable id for this hit: the same rule, version, enterprise, period and records always give the
    /// same fingerprint (64 lowercase hex digits), so re-evaluating unchanged facts raises no duplicate;
    /// a new version of any record used gives a new one. The period tells apart the hits of a rule that
    /// finds a record missing, which cite no record of their own.
    /// </summary>
    public string FingerprintFor(string enterpriseCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseCode);

        // Sorted so that the fingerprint does not depend on the order in which records were joined.
        var references = RecordReferences.Order(StringComparer.Ordinal);
        var text = string.Join('\n', [RuleId, RuleVersion.ToString(CultureInfo.InvariantCulture), enterpriseCode, Period ?? string.Empty, .. references]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
