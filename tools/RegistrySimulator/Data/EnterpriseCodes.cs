using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Inspection.RegistrySimulator.Data;

/// <summary>
/// The 10-digit enterprise code (mã số doanh nghiệp): two-digit prefix, seven-digit serial and a check
/// digit over the first nine digits (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − (sum mod 11);
/// a remainder of 0 is never issued).
/// </summary>
/// <remarks>
/// The simulator stands in for registries outside the platform, so it keeps its own copy of the rule
/// instead of borrowing the platform's: a disagreement between the two shows up in the platform's tests.
/// </remarks>
internal static class EnterpriseCodes
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public static bool IsValid([NotNullWhen(true)] string? code)
    {
        if (code is not { Length: 10 } || code.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return CheckDigit(code.AsSpan(0, 9)) == code[9] - '0';
    }

    /// <summary>The code for a prefix and serial, or null when that serial can have no valid code.</summary>
    public static string? Compose(int prefix, int serial)
    {
        var firstNine = string.Create(CultureInfo.InvariantCulture, $"{prefix:D2}{serial:D7}");
        return CheckDigit(firstNine) is { } check ? firstNine + (char)('0' + check) : null;
    }

    private static int? CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 0 ? null : 10 - remainder;
    }
}
