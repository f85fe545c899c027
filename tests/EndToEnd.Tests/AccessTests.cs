using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Operations;
using Inspection.Contracts.Registries;
using Inspection.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class AccessTests(PlatformFixture fixture)
{
    [Fact]
    public async Task An_enterprise_cannot_read_another_enterprise_but_can_read_itself()
    {
        var (own, foreign) = await TwoListedEnterprisesAsync(sameProvince: false);
        using var client = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", own.Code, enterpriseCode: own.Code));

        await AssertProblemAsync(await client.GetAsync($"/api/enterprises/{foreign.Code}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.GetAsync($"/api/enterprises/{foreign.Code}/records"), HttpStatusCode.Forbidden);
        var self = await client.GetAsync($"/api/enterprises/{own.Code}");
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);

        var listed = await client.GetFromJsonAsync<List<EnterpriseListing>>("/api/enterprises");
        Assert.Equal([own.Code], listed!.Select(e => e.Code));
        var flags = await client.GetFromJsonAsync<List<RiskFlag>>("/api/flags?limit=500");
        Assert.All(flags!, f => Assert.Equal(own.Code, f.EnterpriseCode));
    }

    [Fact]
    public async Task An_inspector_cannot_read_outside_their_provinces()
    {
        var (inside, outside) = await TwoListedEnterprisesAsync(sameProvince: false);
        using var client = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-scope", [inside.Province]));

        await AssertProblemAsync(await client.GetAsync($"/api/enterprises/{outside.Code}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/enterprises/{inside.Code}")).StatusCode);
        var listed = await client.GetFromJsonAsync<List<EnterpriseListing>>("/api/enterprises?limit=500");
        Assert.NotEmpty(listed!);
        Assert.All(listed!, e => Assert.Equal(inside.Province, e.Province));
        Assert.Equal(listed!.OrderByDescending(e => e.RiskScore).ThenBy(e => e.Code, StringComparer.Ordinal).Select(e => e.Code), listed!.Select(e => e.Code));
    }

    [Theory]
    [InlineData("0314409057")]
    [InlineData("031440905")]
    [InlineData("ABCDEFGHIJ")]
    public async Task An_invalid_enterprise_code_gets_400_with_problem_details(string code)
    {
        using var client = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("leadership", "ld-1"));

        var problem = await AssertProblemAsync(await client.GetAsync($"/api/enterprises/{code}"), HttpStatusCode.BadRequest);
        Assert.Equal("Invalid enterprise code", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_forged_token_gets_401()
    {
        using var client = fixture.Platform.CreateClient(Token("a-completely-different-signing-key-0123456789", DateTime.UtcNow.AddHours(1)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/flags")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        using var client = fixture.Platform.CreateClient(Token(PlatformHost.SigningKey, DateTime.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/flags")).StatusCode);
    }

    [Fact]
    public async Task No_token_gets_401_and_a_token_without_its_scope_gets_403()
    {
        using var anonymous = fixture.Platform.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/enterprises")).StatusCode);

        using var unscoped = fixture.Platform.CreateClient(Token(PlatformHost.SigningKey, DateTime.UtcNow.AddHours(1), role: "inspector"));
        Assert.Equal(HttpStatusCode.Forbidden, (await unscoped.GetAsync("/api/enterprises")).StatusCode);
    }

    [Fact]
    public async Task Development_sign_in_refuses_an_unknown_role_with_field_errors()
    {
        using var client = fixture.Platform.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/token", new { role = "superuser", subject = "x" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Records_are_filtered_by_registry_and_carry_provenance()
    {
        var (own, _) = await TwoListedEnterprisesAsync(sameProvince: false);
        using var client = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-rec", [own.Province]));

        var records = await client.GetFromJsonAsync<List<RegistryRecord>>($"/api/enterprises/{own.Code}/records?registry={RegistryIds.Tax}");

        Assert.NotEmpty(records!);
        Assert.All(records!, r =>
        {
            Assert.Equal(RegistryIds.Tax, r.Registry);
            Assert.Equal(own.Code, r.EnterpriseCode);
            Assert.False(string.IsNullOrEmpty(r.Provenance.RequestHash));
            Assert.Equal(64, r.Provenance.PayloadHash.Length);
        });
        var future = await client.GetFromJsonAsync<List<RegistryRecord>>(
            $"/api/enterprises/{own.Code}/records?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");
        Assert.Empty(future!);
    }

    [Fact]
    public async Task The_audit_trail_is_for_leadership_and_administrators_and_only_an_administrator_verifies_it()
    {
        var (own, _) = await TwoListedEnterprisesAsync(sameProvince: false);
        using var enterprise = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", own.Code, enterpriseCode: own.Code));
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-audit", [own.Province]));
        using var leadership = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("leadership", "ld-audit"));
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-audit"));

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leadership.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leadership.GetAsync("/api/audit?limit=5")).StatusCode);
        await AssertProblemAsync(await leadership.GetAsync("/api/audit?limit=0"), HttpStatusCode.BadRequest);
        var verification = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(verification!.Intact);
    }

    [Fact]
    public async Task A_person_reading_an_enterprise_is_written_to_the_audit_trail_and_a_refused_read_is_not()
    {
        var (inside, outside) = await TwoListedEnterprisesAsync(sameProvince: false);
        var subject = $"tv-audit-{Guid.NewGuid():N}";
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", subject, [inside.Province]));
        using var leadership = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("leadership", "ld-audit-reads"));

        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/enterprises/{inside.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/enterprises/{inside.Code}/records?registry=tax")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync($"/api/enterprises/{outside.Code}")).StatusCode);

        var reads = (await leadership.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?subject=enterprise:{inside.Code}&limit=100"))!
            .Where(e => e.Event.Actor == subject).ToList();
        Assert.Equal(["enterprise.records-viewed", "enterprise.viewed"], reads.Select(e => e.Event.Action));
        Assert.All(reads, e => Assert.Equal("inspector", e.Event.ActorRole));
        Assert.Equal("tax", reads[0].Event.Details["registry"]);
        var refused = await leadership.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?subject=enterprise:{outside.Code}&limit=100");
        Assert.DoesNotContain(refused!, e => e.Event.Actor == subject);
    }

    [Fact]
    public async Task Registry_health_is_for_staff_and_shows_each_registry()
    {
        var (own, _) = await TwoListedEnterprisesAsync(sameProvince: false);
        using var enterprise = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", own.Code, enterpriseCode: own.Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/registries/health")).StatusCode);

        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-1"));
        var health = await admin.GetFromJsonAsync<List<RegistryHealth>>("/api/registries/health");

        Assert.Equal(5, health!.Count);
        var tax = health.Single(h => h.Registry == RegistryIds.Tax);
        Assert.NotNull(tax.LastSuccessAt);
        Assert.Equal("Closed", tax.CircuitState);
        Assert.Equal("Http", tax.Transport);
    }

    [Fact]
    public async Task The_openapi_document_and_health_are_served()
    {
        using var client = fixture.Platform.CreateClient();

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/enterprises/{code}", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/flags", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private async Task<(EnterpriseListing First, EnterpriseListing Second)> TwoListedEnterprisesAsync(bool sameProvince)
    {
        var listed = await Eventually.Until(
            () => fixture.Evidence.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 1000, 0), default),
            list => list.Select(e => e.Province).Distinct().Count() >= 2,
            TimeSpan.FromSeconds(120),
            list => $"{list.Count} enterprises listed");
        var first = listed[0];
        var second = listed.First(e => e.Code != first.Code && (e.Province == first.Province) == sameProvince);
        return (first, second);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static string Token(string key, DateTime expires, string role = "leadership") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "inspection",
            Audience = "inspection",
            Subject = new ClaimsIdentity([new Claim("sub", "someone"), new Claim("role", role)]),
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
}
