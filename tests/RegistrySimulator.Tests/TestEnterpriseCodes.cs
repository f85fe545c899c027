namespace Inspection.RegistrySimulator.Tests;

/// <summary>The enterprise-code check digit, written again from the architecture doc to judge the simulator's codes.</summary>
public static class TestEnterpriseCodes
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public static bool IsValid(string code)
    {
        if (code.Length != 10 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var remainder = Enumerable.Range(0, 9).Sum(i => (code[i] - '0') * Weights[i]) % 11;
        return remainder != 0 && 10 - remainder == code[9] - '0';
    }

    /// <summary>A valid code with a prefix no simulated province uses, so no simulated enterprise has it.</summary>
    public static string UnusedValidCode() =>
        Enumerable.Range(1_000_000, 20).Select(serial => $"99{serial}").Select(WithCheckDigit).First(code => code is not null)!;

    /// <summary>A code whose check digit is wrong.</summary>
    public static string WithWrongCheckDigit(string code) => code[..9] + (char)('0' + (code[9] - '0' + 1) % 10);

    private static string? WithCheckDigit(string firstNine)
    {
        for (var digit = '0'; digit <= '9'; digit++)
        {
            if (IsValid(firstNine + digit))
            {
                return firstNine + digit;
            }
        }

        return null;
    }
}
