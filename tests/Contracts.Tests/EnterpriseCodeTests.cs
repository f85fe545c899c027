using Inspection.Contracts;

namespace Inspection.Contracts.Tests;

public class EnterpriseCodeTests
{
    [Theory]
    [InlineData("0314409058")]
    [InlineData("0100109106")]
    [InlineData("0314409058-001")]
    [InlineData(" 0314409058 ")]
    public void Valid_codes_parse(string text)
    {
        var code = EnterpriseCode.Parse(text);

        Assert.Equal(text.Trim(), code.Value);
        Assert.Equal(text.Trim()[..10], code.TaxCode);
    }

    [Theory]
    [InlineData(null, "10 digits")]
    [InlineData("", "10 digits")]
    [InlineData("031440905", "10 digits")]
    [InlineData("03144090581", "10 digits")]
    [InlineData("0314409057", "check digit")]
    [InlineData("03144O9058", "digits")]
    [InlineData("0314409058-000", "branch")]
    [InlineData("0314409058_001", "branch")]
    [InlineData("0314409058-0a1", "branch")]
    public void Invalid_codes_are_rejected_with_a_reason(string? text, string reason)
    {
        Assert.False(EnterpriseCode.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<FormatException>(() => EnterpriseCode.Parse(text));
    }

    [Fact]
    public void Nine_digits_whose_weighted_sum_is_divisible_by_11_have_no_valid_check_digit()
    {
        // 0,0,0,0,0,0,0,0,0 sums to 0: remainder 0 is never issued.
        Assert.Null(EnterpriseCode.CheckDigit("000000000"));
        Assert.False(EnterpriseCode.TryParse("0000000000", out _));
    }

    [Fact]
    public void Check_digit_follows_the_weights()
    {
        // 0·31 + 3·29 + 1·23 + 4·19 + 4·17 + 0·13 + 9·7 + 0·5 + 5·3 = 332; 332 mod 11 = 2; 10 − 2 = 8.
        Assert.Equal(8, EnterpriseCode.CheckDigit("031440905"));
    }

    [Fact]
    public void Branch_keeps_the_enterprise_tax_code()
    {
        var branch = EnterpriseCode.Parse("0314409058-012");

        Assert.True(branch.IsBranch);
        Assert.Equal("0314409058", branch.TaxCode);
        Assert.Equal("03", branch.IssuePrefix);
    }
}
