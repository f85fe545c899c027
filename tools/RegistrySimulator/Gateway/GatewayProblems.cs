using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>The gateway's <c>application/problem+json</c> answers.</summary>
internal static class GatewayProblems
{
    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Malformed request", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Missing or bad access token", detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "No permission for this service", detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult TooManyRequests(string detail) => Problem(StatusCodes.Status429TooManyRequests, "Quota exceeded", detail);

    /// <summary>A change-feed cursor older than what the feed keeps; <c>oldestCursor</c> is where reading can resume.</summary>
    public static ProblemHttpResult CursorExpired(string detail, long oldestCursor) => TypedResults.Problem(
        detail,
        statusCode: StatusCodes.Status410Gone,
        title: "Cursor expired",
        extensions: new Dictionary<string, object?> { ["oldestCursor"] = oldestCursor.ToString(CultureInfo.InvariantCulture) });

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
