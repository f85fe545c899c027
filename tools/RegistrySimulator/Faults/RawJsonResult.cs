using Microsoft.AspNetCore.Http.Metadata;

namespace Inspection.RegistrySimulator.Faults;

/// <summary>A 200 <c>application/json</c> answer with exactly these bytes, valid JSON or not.</summary>
internal sealed class RawJsonResult(byte[] body) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public byte[] Body { get; } = body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body, httpContext.RequestAborted).AsTask();
    }
}
