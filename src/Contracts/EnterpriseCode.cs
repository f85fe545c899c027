using System.Diagnostics.CodeAnalysis;

namespace Inspection.Contracts;

/// <summary>
/// The enterprise code (mã số doanh nghiệp): the 10-digit tax code shared by business registration,
/// tax and social insurance, optionally followed by a <c>-NNN</c> branch suffix (mã chi nhánh).
/// </summary>
/// <remarks>
/// Digits 1–2 are the province of issue, 3–9 a serial and 10 a check digit: the first nine digits are
/// weighted 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − (sum mod 11), and a remainder of 0 is never
/// issued. The province of issue is not the jurisdiction: that comes from the registered address.
/// </remarks>
[GenerateSerializer, Immutable, Alias("Inspection.EnterpriseCode")]
public readonly record struct EnterpriseCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    private EnterpriseCode(string value) => Value = value;

    [Id(0)]
    public string Value { get; }

    /// <summary>The 10-digit code of the enterprise itself, without any branch suffix.</summary>
    public string TaxCode => Value[..10];

    /// <summary>The two-digit province-of-issue prefix.</summary>
    public string IssuePrefix => Value[..2];

    public bool IsBranch => Value.Length > 10;

    public override string ToString() => Value;

    public static EnterpriseCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse(string? text, out EnterpriseCode code) => TryParse(text, out code, out _);

    public static bool TryParse(string? text, out EnterpriseCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length is not (10 or 14))
        {
            error = "An enterprise code has 10 digits, or 10 digits, a hyphen and a 3-digit branch number (e.g. 0314409058 or 0314409058-001).";
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = "The first 10 characters of an enterprise code must be digits.";
                return false;
            }
        }

        if (value.Length == 14 && (value[10] != '-' || value.AsSpan(11).ContainsAnyExceptInRange('0', '9') || value[11..] == "000"))
        {
            error = "A branch suffix is a hyphen followed by a branch number from 001 to 999.";
            return false;
        }

        var expected = CheckDigit(value.AsSpan(0, 9));
        if (expected is null || expected != value[9] - '0')
        {
            error = "The check digit (the 10th digit) of the enterprise code does not match its first nine digits.";
            return false;
        }

        code = new EnterpriseCode(value);
        error = null;
        return true;
    }

    /// <summary>The check digit for nine leading digits, or null when no valid code can have them.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        if (remainder == 0)
        {
            return null;
        }

        return 10 - remainder;
    }
}
