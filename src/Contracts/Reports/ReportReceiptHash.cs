using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Inspection.Contracts.Reports;

/// <summary>
/// The SHA-256 a receipt carries, over a canonical JSON of what was received: the enterprise, template
/// and version, period, correction version, the time received (UTC, milliseconds), the channel, and the
/// values and explanations with their keys in ordinal order. Anyone holding the receipt can recompute it.
/// </summary>
public static class ReportReceiptHash
{
    public static string Compute(ReportReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Convert.ToHexStringLower(SHA256.HashData(Canonical(receipt)));
    }

    public static byte[] Canonical(ReportReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("enterpriseCode", receipt.EnterpriseCode);
            json.WriteString("templateId", receipt.TemplateId);
            json.WriteNumber("templateVersion", receipt.TemplateVersion);
            json.WriteString("period", receipt.Period);
            json.WriteNumber("version", receipt.Version);
            json.WriteString("submittedAt", receipt.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("channel", receipt.Channel);
            json.WriteStartObject("values");
            foreach (var (name, value) in receipt.Values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("explanations");
            foreach (var (check, text) in receipt.Explanations.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteString(check, text);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
