using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inspection.Contracts.Audit;

namespace Inspection.Silo.Storage;

/// <summary>How an audit entry's hash is made: SHA-256 over its fields and the previous entry's hash.</summary>
internal static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Each field is written as its length, a colon and its text, so that no two different entries
    /// (a character moved from one field to the next, say) hash the same text.
    /// </summary>
    public static string Hash(long sequence, long atMs, AuditEvent auditEvent, string detailsJson, string previousHash)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            sequence.ToString(CultureInfo.InvariantCulture), atMs.ToString(CultureInfo.InvariantCulture),
            auditEvent.Actor, auditEvent.ActorRole, auditEvent.Action, auditEvent.Subject, detailsJson, previousHash,
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
