using System.Globalization;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>Applies the caller's quota (429 with <c>Retry-After</c> in whole seconds); runs after <see cref="AccessTokenFilter"/>.</summary>
internal sealed partial class QuotaFilter(ILogger<QuotaFilter> logger) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var grant = httpContext.Features.Get<AccessGrant>()
            ?? throw new InvalidOperationException("The quota filter must run after the access token filter.");
        if (grant.Quota.TryTake(out var retryAfter))
        {
            return next(context);
        }

        var seconds = (int)Math.Clamp(Math.Ceiling(retryAfter.TotalSeconds), 1, int.MaxValue);
        LogQuotaExceeded(logger, seconds);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ValueTask.FromResult<object?>(GatewayProblems.TooManyRequests($"The quota of this access token is used up; retry after {seconds} s."));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Quota exceeded; retry after {Seconds} s")]
    private static partial void LogQuotaExceeded(ILogger logger, int seconds);
}
