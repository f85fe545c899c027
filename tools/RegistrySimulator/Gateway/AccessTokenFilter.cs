namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// Checks the bearer token: 401 when it is missing or unknown, 403 when it does not cover the endpoint's
/// registry (the <see cref="RegistryService"/> in the endpoint metadata). Passes the grant on as a feature.
/// </summary>
internal sealed partial class AccessTokenFilter(AccessPolicy policy, ILogger<AccessTokenFilter> logger) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var service = httpContext.GetEndpoint()?.Metadata.GetMetadata<RegistryService>()
            ?? throw new InvalidOperationException("A registry endpoint must carry its RegistryService as metadata.");

        var authorization = httpContext.Request.Headers.Authorization.ToString();
        var grant = authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? policy.Find(authorization[Scheme.Length..].Trim())
            : null;
        if (grant is null)
        {
            LogRejected(logger, service.Id, StatusCodes.Status401Unauthorized);
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return ValueTask.FromResult<object?>(GatewayProblems.Unauthorized("Send the access token the LGSP issued as 'Authorization: Bearer {token}'."));
        }

        if (!grant.Allows(service.Registry))
        {
            LogRejected(logger, service.Id, StatusCodes.Status403Forbidden);
            return ValueTask.FromResult<object?>(GatewayProblems.Forbidden($"The access token does not cover the {service.Id} service."));
        }

        httpContext.Features.Set(grant);
        return next(context);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a request to {Registry} with {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string registry, int statusCode);
}
