using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Inspection.RegistrySimulator.Tests;

public sealed class GatewayTests : IAsyncLifetime
{
    private const string TaxOnlyToken = "tax-only-token";

    private SimulatorHost _host = null!;
    private string _knownCode = null!;

    public async Task InitializeAsync()
    {
        var options = SimulatorHost.SmallOptions(100);
        options.TokenRegistries[TaxOnlyToken] = ["tax"];
        _host = await SimulatorHost.StartAsync(options);
        _knownCode = (await _host.GetEnterprisesAsync())[0].EnterpriseCode;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_with_the_token_and_headers_is_answered_with_json()
    {
        using var response = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            SimulatorHost.FeedPath(RegistryServices.BusinessRegistration, _knownCode)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadFromJsonAsync<FeedPageBody>();
        var record = Assert.Single(page!.Records);
        Assert.Equal($"REG-{_knownCode}", record.Id);
        Assert.Null(record.Period);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task A_missing_or_wrong_token_is_refused_with_401(string? token)
    {
        using var response = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            SimulatorHost.FeedPath(RegistryServices.Tax, null), token: token));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_token_limited_to_some_registries_is_refused_by_the_others_with_403()
    {
        using var allowed = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            SimulatorHost.FeedPath(RegistryServices.Tax, null), token: TaxOnlyToken));
        using var refused = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            SimulatorHost.FeedPath(RegistryServices.SocialInsurance, null), token: TaxOnlyToken));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(null, "some-id")]
    [InlineData("VN/GOV/INSPECTION", "some-id")]
    [InlineData(SimulatorHost.Client, null)]
    public async Task A_request_without_proper_X_Road_headers_is_refused_with_400(string? client, string? requestId)
    {
        using var response = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            SimulatorHost.FeedPath(RegistryServices.Tax, null), client: client, requestId: requestId));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_malformed_enterprise_code_is_refused_with_400()
    {
        foreach (var code in new[] { TestEnterpriseCodes.WithWrongCheckDigit(_knownCode), "031440905", "abcdefghij" })
        {
            using var response = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
                SimulatorHost.FeedPath(RegistryServices.Tax, code)));

            await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Theory]
    [InlineData("since=abc")]
    [InlineData("since=-1")]
    [InlineData("limit=0")]
    [InlineData("limit=ten")]
    public async Task A_malformed_cursor_or_limit_is_refused_with_400(string query)
    {
        using var response = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            $"/r1/{RegistryServices.Tax.ServicePath}/changes?{query}"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_enterprise_or_service_is_answered_with_404()
    {
        using var unknownEnterprise = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            SimulatorHost.FeedPath(RegistryServices.Tax, TestEnterpriseCodes.UnusedValidCode())));
        using var unknownService = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(
            "/r1/VN/GOV/000.00.00.G99/LAND/land-titles/changes"));

        await AssertProblemAsync(unknownEnterprise, HttpStatusCode.NotFound);
        await AssertProblemAsync(unknownService, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("dev-registry-token", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Every_answer_carries_the_request_id_and_the_hash_of_the_request(string? token, HttpStatusCode expected)
    {
        var requestId = Guid.NewGuid().ToString();
        var pathAndQuery = SimulatorHost.FeedPath(RegistryServices.Tax, _knownCode, since: "5", limit: 3);

        using var response = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(pathAndQuery, token: token, requestId: requestId));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(requestId, response.Headers.GetValues("X-Road-Request-Id").Single());
        var text = $"GET\n{pathAndQuery}\n{SimulatorHost.Client}\n{requestId}";
        var expectedHash = Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expectedHash, response.Headers.GetValues("X-Road-Request-Hash").Single());
        Assert.Equal(expectedHash, XRoadRequestHash.Compute("GET", pathAndQuery, SimulatorHost.Client, requestId));
    }

    [Fact]
    public async Task An_answer_to_a_request_without_an_id_carries_an_assigned_id_and_its_hash()
    {
        var pathAndQuery = SimulatorHost.FeedPath(RegistryServices.Tax, null);

        using var response = await _host.Http.SendAsync(SimulatorHost.GatewayRequest(pathAndQuery, requestId: null));

        var assigned = response.Headers.GetValues("X-Road-Request-Id").Single();
        Assert.True(Guid.TryParse(assigned, out _), assigned);
        Assert.Equal(
            XRoadRequestHash.Compute("GET", pathAndQuery, SimulatorHost.Client, assigned),
            response.Headers.GetValues("X-Road-Request-Hash").Single());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(response.Headers.Contains("X-Road-Request-Id"));
        Assert.True(response.Headers.Contains("X-Road-Request-Hash"));
    }
}
