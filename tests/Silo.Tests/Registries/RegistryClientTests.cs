using System.Net;
using Inspection.Contracts;
using Inspection.Contracts.Registries;
using Inspection.Silo.Registries;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Inspection.Silo.Tests.Registries;

public sealed class RegistryClientTests
{
    private static readonly EnterpriseCode Enterprise = EnterpriseCode.Parse("0314409058");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private const string ValidPage = """
        {"records":[{"id":"TAX-0314409058-2026-03","version":2,"enterpriseCode":"0314409058","kind":"vat-return","period":"2026-03",
          "data":{"dueDate":"2026-04-20","revenue":1250000000,"filedOn":null,"amended":true}}],
         "nextCursor":"42","hasMore":false}
        """;

    [Fact]
    public async Task A_valid_page_becomes_records_with_their_provenance()
    {
        var registry = new CannedRegistry(ValidPage);

        var page = await Client(registry).GetEnterpriseRecordsAsync(RegistryIds.Tax, Enterprise, "17", default);

        var record = Assert.Single(page.Records);
        Assert.Equal(("TAX-0314409058-2026-03", 2, "vat-return", "2026-03"), (record.RecordId, record.Version, record.Kind, record.Period));
        Assert.Equal("1250000000", record.Fields["revenue"]);
        Assert.Equal("2026-04-20", record.Fields["dueDate"]);
        Assert.Null(record.Fields["filedOn"]);
        Assert.Equal("true", record.Fields["amended"]);
        Assert.Equal("42", page.NextCursor);
        Assert.False(page.HasMore);

        var request = Assert.Single(registry.Requests);
        Assert.Equal("/r1/VN/GOV/000.00.00.G07/TCT/tax-filings/0314409058/records?since=17&limit=500", request.RequestUri!.PathAndQuery);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(request.Headers.GetValues("X-Road-Id").Single(), record.Provenance.RequestId);
        Assert.Equal(Now, record.Provenance.FetchedAt);
        Assert.Equal(64, record.Provenance.PayloadHash.Length);
        Assert.False(string.IsNullOrEmpty(record.Provenance.RequestHash));
    }

    [Fact]
    public async Task A_record_s_payload_hash_is_the_sha256_of_its_bytes_as_the_registry_sent_them()
    {
        const string record = """{"id":"TAX-0314409058-2026-03","version":1,"enterpriseCode":"0314409058","kind":"vat-return","data":{"name":"C\u00F4ng ty","revenue":1.50}}""";

        var page = await Client(new CannedRegistry($$"""{"records":[ {{record}} ],"nextCursor":"1","hasMore":false}"""))
            .GetEnterpriseRecordsAsync(RegistryIds.Tax, Enterprise, null, default);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(record)));
        Assert.Equal(expected, Assert.Single(page.Records).Provenance.PayloadHash);
    }

    [Fact]
    public async Task A_body_that_stalls_half_way_is_a_registry_error_within_the_attempt_timeout()
    {
        var registry = new CannedRegistry(ValidPage) { Body = () => new StallingStream("""{"records":[""") };

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Client(registry, attemptTimeout: TimeSpan.FromMilliseconds(200)).GetEnterpriseRecordsAsync(RegistryIds.Tax, Enterprise, null, default));

        Assert.Contains("did not send its whole answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_off_by_the_connection_is_a_registry_error()
    {
        var registry = new CannedRegistry(ValidPage) { Body = () => new StallingStream("""{"records":[""", breakInstead: true) };

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Client(registry).GetEnterpriseRecordsAsync(RegistryIds.Tax, Enterprise, null, default));

        Assert.Contains("did not send its whole answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_whose_request_hash_does_not_match_is_rejected()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Client(new CannedRegistry(ValidPage, spoilHash: true)).GetEnterpriseRecordsAsync(RegistryIds.Tax, Enterprise, null, default));

        Assert.Contains("request hash", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"records":[{"id":"TAX-1","version":1,"enterpriseCode":"0314409058","kind":"vat-return","data":{"x":1}""", "malformed page")]
    [InlineData("""{"records":[{"id":"TAX-1","version":1,"enterpriseCode":"0100109106","kind":"vat-return","data":{}}],"hasMore":false}""", "another enterprise")]
    [InlineData("""{"records":[{"id":"TAX-1","version":1,"enterpriseCode":"0314409057","kind":"vat-return","data":{}}],"hasMore":false}""", "invalid enterprise code")]
    [InlineData("""{"records":[{"id":"TAX-1","version":0,"enterpriseCode":"0314409058","kind":"vat-return","data":{}}],"hasMore":false}""", "versions start at 1")]
    [InlineData("""{"records":[{"id":"","version":1,"enterpriseCode":"0314409058","kind":"vat-return","data":{}}],"hasMore":false}""", "empty 'id'")]
    [InlineData("""{"records":[{"id":"TAX-1","version":1,"enterpriseCode":"0314409058","kind":"vat-return","data":{"x":{"y":1}}}],"hasMore":false}""", "not a plain value")]
    [InlineData("""{"records":[],"hasMore":true}""", "gives no cursor")]
    [InlineData("""{"items":[]}""", "malformed page")]
    public async Task A_malformed_page_is_rejected_whole(string body, string reason)
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Client(new CannedRegistry(body)).GetEnterpriseRecordsAsync(RegistryIds.Tax, Enterprise, null, default));

        Assert.Equal(RegistryIds.Tax, error.Registry);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_refusal_is_a_registry_error_naming_the_status(HttpStatusCode status)
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Client(new CannedRegistry("{}", status)).GetChangesAsync(RegistryIds.SocialInsurance, null, default));

        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_pauses_that_registry_for_its_retry_after_and_health_shows_the_failure()
    {
        var options = Options.Create(new RegistryOptions { BaseAddress = new Uri("http://registry.test") });
        var time = new FakeTimeProvider(Now);
        var health = new RegistryHealthMonitor(options, time);
        var share = Substitute.For<IClusterShare>();
        share.ActiveSilos.Returns(1);
        var throttle = new RegistryThrottle(options, share, time);
        var registry = new CannedRegistry("{}", HttpStatusCode.TooManyRequests) { RetryAfter = TimeSpan.FromSeconds(30) };
        var clients = Substitute.For<IHttpClientFactory>();
        clients.CreateClient(Arg.Any<string>()).Returns(_ => new HttpClient(registry, disposeHandler: false) { BaseAddress = options.Value.BaseAddress });
        var client = new RegistryClient(clients, options, throttle, health, time, NullLogger<RegistryClient>.Instance);

        await Assert.ThrowsAsync<RegistryException>(() => client.GetChangesAsync(RegistryIds.Tax, null, default));
        var waiting = throttle.EnterAsync(RegistryIds.Tax, default);
        var other = await throttle.EnterAsync(RegistryIds.SocialInsurance, default);

        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(31));
        (await waiting).Dispose();
        other.Dispose();
        var tax = health.Current().Single(h => h.Registry == RegistryIds.Tax);
        Assert.Equal(1.0, tax.ErrorRate);
        Assert.Equal(1, tax.RequestsLastMinute);
        Assert.Null(tax.LastSuccessAt);
        Assert.Contains("quota", tax.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_feed_accepts_records_of_any_valid_enterprise()
    {
        const string body = """
            {"records":[{"id":"REG-0100109106","version":1,"enterpriseCode":"0100109106","kind":"registration","period":null,"data":{"status":"active"}},
                        {"id":"REG-0314409058","version":3,"enterpriseCode":"0314409058","kind":"registration","period":null,"data":{"status":"dissolved"}}],
             "nextCursor":"9","hasMore":true}
            """;

        var page = await Client(new CannedRegistry(body)).GetChangesAsync(RegistryIds.BusinessRegistration, null, default);

        Assert.Equal(["0100109106", "0314409058"], page.Records.Select(r => r.EnterpriseCode));
        Assert.True(page.HasMore);
    }

    private static RegistryClient Client(HttpMessageHandler handler, TimeSpan? attemptTimeout = null)
    {
        var settings = new RegistryOptions { BaseAddress = new Uri("http://registry.test") };
        if (attemptTimeout is { } timeout)
        {
            settings.AttemptTimeout = timeout;
        }

        var options = Options.Create(settings);
        var clients = Substitute.For<IHttpClientFactory>();
        clients.CreateClient(Arg.Any<string>()).Returns(_ => new HttpClient(handler, disposeHandler: false) { BaseAddress = options.Value.BaseAddress });
        var time = new FakeTimeProvider(Now);
        var share = Substitute.For<IClusterShare>();
        share.ActiveSilos.Returns(1);
        return new RegistryClient(
            clients, options, new RegistryThrottle(options, share, time), new RegistryHealthMonitor(options, time), time, NullLogger<RegistryClient>.Instance);
    }
}
