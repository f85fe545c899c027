using Inspection.Api.Apis;
using Inspection.Api.Identity;
using Inspection.Contracts.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.Api;

public static class ApiExtensions
{
    /// <summary>Paths under which the browser sends its token as a query parameter (WebSockets cannot carry headers).</summary>
    private static readonly PathString HubsPath = "/hubs";

    /// <summary>Adds the REST API's services: ProblemDetails, OpenAPI, JWT bearer authentication and role policies.</summary>
    public static IServiceCollection AddInspectionApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();
        services.TryAddTimeProvider();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName);
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, SigningKeyProvider>((bearer, jwt, keys) =>
            {
                // Keep the short claim names of our tokens ("role", "province") instead of mapping them to URIs.
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = InspectionClaims.Role,
                    NameClaimType = InspectionClaims.Subject,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments(HubsPath))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        // Every endpoint that requires authorization also requires a token whose role carries its scope.
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CallerScope.From(context.User).IsWellFormed)
            .Build());
        return services;
    }

    /// <summary>Maps the REST API, its OpenAPI document at <c>/openapi/v1.json</c> and, in development only, the sign-in.</summary>
    public static IEndpointRouteBuilder MapInspectionApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapEnterprisesApi();
        app.MapFlagsApi();
        app.MapRegistriesApi();
        app.MapAuditApi();
        app.MapRulesApi();
        app.MapOutcomesApi();
        app.MapModelsApi();
        app.MapCasesApi();
        app.MapReportsApi();
        app.MapCaseDocumentsApi();
        app.MapRatioApi();
        app.MapPlansApi();
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.MapDevTokenApi();
        }

        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
