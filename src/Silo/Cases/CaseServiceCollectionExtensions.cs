using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inspection.Silo.Cases;

public static class CaseServiceCollectionExtensions
{
    /// <summary>The cases' options, bound from <c>Cases</c> and validated at start-up, and their clock.</summary>
    public static IServiceCollection AddInspectionCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseOptions>().Bind(configuration.GetSection(CaseOptions.SectionName))
            .Validate(o => o.DueSoon > TimeSpan.Zero && o.DueSoon <= TimeSpan.FromDays(30), "Cases:DueSoon must be above zero and at most 30 days.")
            .Validate(o => o.DeadlineCheckInterval >= TimeSpan.FromMilliseconds(100) && o.DeadlineCheckInterval <= TimeSpan.FromDays(1), "Cases:DeadlineCheckInterval must be between 100 ms and a day.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new CaseClock(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
