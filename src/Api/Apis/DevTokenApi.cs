using Inspection.Api.Identity;
using Inspection.Contracts;
using Inspection.Contracts.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// Development sign-in: issues a token for any role and scope. Mapped only when the host runs in
/// development; a deployment signs people in through the agency's identity provider instead.
/// </summary>
public static class DevTokenApi
{
    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/token", IssueToken)
            .WithName("IssueDevelopmentToken")
            .WithSummary("Issues a development token for a role, subject and jurisdiction")
            .WithTags("Development")
            .AllowAnonymous();
        return app;
    }

    public static Results<Ok<IssuedToken>, ValidationProblem> IssueToken(DevTokenRequest request, TokenIssuer issuer)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Role) || !InspectionRoles.All.Contains(request.Role))
        {
            errors["role"] = [$"Role must be one of: {string.Join(", ", InspectionRoles.All.Order())}."];
        }

        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            errors["subject"] = ["A subject (user id) is required."];
        }

        var provinces = (request.Provinces ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToArray();
        if (provinces.Any(p => p.Length != 2 || !p.All(char.IsAsciiDigit)))
        {
            errors["provinces"] = ["Province codes have two digits, e.g. 01 or 79."];
        }
        else if (request.Role == InspectionRoles.Inspector && provinces.Length == 0)
        {
            errors["provinces"] = ["An inspector needs at least one province in their jurisdiction."];
        }

        string? enterprise = null;
        if (request.Role == InspectionRoles.Enterprise)
        {
            if (EnterpriseCode.TryParse(request.EnterpriseCode ?? request.Subject, out var code, out var error))
            {
                enterprise = code.Value;
            }
            else
            {
                errors["enterpriseCode"] = [error];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The sign-in request is not valid.");
        }

        return TypedResults.Ok(issuer.Issue(request.Role!, request.Subject!.Trim(), provinces, enterprise));
    }
}
