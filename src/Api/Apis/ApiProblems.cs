using Inspection.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inspection.Api.Apis;

/// <summary>The API's refusals, each a ProblemDetails that says what was wrong.</summary>
internal static class ApiProblems
{
    public const int MaxLimit = 500;

    public static ProblemHttpResult InvalidCode(string error) =>
        TypedResults.Problem(title: "Invalid enterprise code", detail: error, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult OutsideScope() =>
        TypedResults.Problem(
            title: "Outside your jurisdiction",
            detail: "This enterprise is not within the scope of your account.",
            statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(title: "Enterprise not found", detail: $"No monitored enterprise has the code {code}.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadLimit() =>
        TypedResults.Problem(title: "Invalid limit", detail: $"limit must be between 1 and {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult BadRange() =>
        TypedResults.Problem(title: "Invalid time range", detail: "The start of the range must not be after its end.", statusCode: StatusCodes.Status400BadRequest);

    public static bool TryParseCode(string text, out EnterpriseCode code, out ProblemHttpResult? problem)
    {
        if (EnterpriseCode.TryParse(text, out code, out var error))
        {
            problem = null;
            return true;
        }

        problem = InvalidCode(error);
        return false;
    }
}
