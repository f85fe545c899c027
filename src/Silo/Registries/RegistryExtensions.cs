using Microsoft.Extensions.Options;

namespace Inspection.Silo.Registries;

public static class RegistryExtensions
{
    public static IServiceCollection AddInspectionRegistries(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>()
            .BindConfiguration(RegistryOptions.SectionName)
            .Validate(o => o.BaseAddress is not null, $"{RegistryOptions.SectionName}:BaseAddress must be set unless the embedded simulator runs.")
            .Validate(o => o.PageSize is > 0 and <= 1000, $"{RegistryOptions.SectionName}:PageSize must be between 1 and 1000.")
            .Validate(o => o.MaxConcurrentRequests > 0, $"{RegistryOptions.SectionName}:MaxConcurrentRequests must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RegistryGates>();
        services.AddHttpClient<RegistryClient>((sp, http) =>
        {
            var registry = sp.GetRequiredService<IOptions<RegistryOptions>>().Value;
            http.BaseAddress = registry.BaseAddress;
            http.Timeout = registry.RequestTimeout;
        });
        return services;
    }
}
