namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// Refuses (400) a request that does not name its caller in <c>X-Road-Client</c>
/// (<c>{instance}/{memberClass}/{memberCode}/{subsystem}</c>) or lacks an <c>X-Road-Id</c>.
/// </summary>
internal sealed class XRoadClientFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Request.Headers;
        var client = headers[XRoadHeaders.Client].ToString();
        if (client.Length == 0)
        {
            return Refuse($"The {XRoadHeaders.Client} header is required.");
        }

        var parts = client.Split('/');
        if (parts.Length != 4 || parts.Any(string.IsNullOrWhiteSpace))
        {
            return Refuse($"{XRoadHeaders.Client} must be {{instance}}/{{memberClass}}/{{memberCode}}/{{subsystem}}, e.g. VN/GOV/000.00.00.H99/INSPECTION.");
        }

        if (string.IsNullOrWhiteSpace(headers[XRoadHeaders.Id].ToString()))
        {
            return Refuse($"The {XRoadHeaders.Id} header is required.");
        }

        return next(context);
    }

    private static ValueTask<object?> Refuse(string detail) => ValueTask.FromResult<object?>(GatewayProblems.BadRequest(detail));
}
