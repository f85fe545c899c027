using Inspection.Silo.Cases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Tests.Cases;

public class CaseOptionsTests
{
    [Fact]
    public void The_notice_window_is_read_from_the_Cases_section_and_defaults_to_three_days()
    {
        Assert.Equal(TimeSpan.FromDays(3), Options([]).DueSoon);
        Assert.Equal(TimeSpan.FromDays(5), Options(new() { ["Cases:DueSoon"] = "5.00:00:00" }).DueSoon);
    }

    [Theory]
    [InlineData("Cases:DueSoon", "00:00:00")]
    [InlineData("Cases:DueSoon", "31.00:00:00")]
    [InlineData("Cases:DeadlineCheckInterval", "00:00:00.010")]
    public void A_window_or_interval_out_of_bounds_is_refused(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options(new() { [key] = value }));

        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    private static CaseOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddInspectionCases(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<CaseOptions>>().Value;
    }
}
