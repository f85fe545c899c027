using System.Globalization;

namespace Inspection.RegistrySimulator.Tests;

public sealed class PagingTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("business-registration")]
    [InlineData("tax")]
    [InlineData("social-insurance")]
    [InlineData("labour")]
    [InlineData("environment")]
    public async Task Small_pages_of_a_change_feed_return_every_record_exactly_once_in_publication_order(string registryId)
    {
        var service = RegistryServices.FindById(registryId)!;
        var (whole, _) = await _host.ReadToEndAsync(service);
        var paged = new List<FeedRecord>();
        var cursors = new List<long>();
        string? since = null;
        FeedPageBody page;
        do
        {
            page = await _host.GetPageAsync(service, null, since, limit: 7);
            Assert.InRange(page.Records.Count, page.HasMore ? 7 : 0, 7);
            paged.AddRange(page.Records);
            cursors.Add(long.Parse(page.NextCursor, CultureInfo.InvariantCulture));
            since = page.NextCursor;
        }
        while (page.HasMore);

        Assert.True(whole.Count >= 200, $"only {whole.Count} records");
        Assert.Equal(whole.Select(Key), paged.Select(Key));
        Assert.Equal(paged.Count, paged.Select(Key).Distinct().Count());
        Assert.Equal(cursors.Order(), cursors);
        Assert.All(paged, record => Assert.Contains(record.Kind, service.RecordKinds));
    }

    [Fact]
    public async Task Small_pages_of_an_enterprise_feed_return_its_records_exactly_once()
    {
        var (whole, _) = await _host.ReadToEndAsync(RegistryServices.SocialInsurance);
        var code = whole[0].EnterpriseCode;

        var (paged, _) = await _host.ReadToEndAsync(RegistryServices.SocialInsurance, code, limit: 2);

        Assert.Equal(whole.Where(record => record.EnterpriseCode == code).Select(Key), paged.Select(Key));
        Assert.True(paged.Count >= 2);
    }

    [Fact]
    public async Task A_cursor_at_the_end_gives_an_empty_page_and_the_same_cursor()
    {
        var (_, cursor) = await _host.ReadToEndAsync(RegistryServices.BusinessRegistration);

        var page = await _host.GetPageAsync(RegistryServices.BusinessRegistration, null, cursor);

        Assert.Empty(page.Records);
        Assert.False(page.HasMore);
        Assert.Equal(cursor, page.NextCursor);
    }

    [Fact]
    public async Task The_limit_defaults_to_500_and_is_capped_at_1000()
    {
        var byDefault = await _host.GetPageAsync(RegistryServices.Tax, null);
        var capped = await _host.GetPageAsync(RegistryServices.Tax, null, limit: 5000);

        Assert.Equal(500, byDefault.Records.Count);
        Assert.Equal(1000, capped.Records.Count);
        Assert.True(capped.HasMore);
    }

    [Fact]
    public async Task Paging_while_the_clock_publishes_returns_every_record_once()
    {
        var publishing = Task.Run(() =>
        {
            for (var month = 0; month < 6; month++)
            {
                _host.State.AdvancePeriod();
            }
        });

        var paged = new List<FeedRecord>();
        string? since = null;
        while (true)
        {
            // Read before the page, so that an empty last page really comes after the last publication.
            var published = publishing.IsCompleted;
            var page = await _host.GetPageAsync(RegistryServices.Tax, null, since, limit: 97);
            paged.AddRange(page.Records);
            since = page.NextCursor;
            if (!page.HasMore && published)
            {
                break;
            }
        }

        await publishing;
        var (whole, _) = await _host.ReadToEndAsync(RegistryServices.Tax);
        Assert.Equal(whole.Select(Key), paged.Select(Key));
        Assert.Equal(paged.Count, paged.Select(Key).Distinct().Count());
    }

    private static string Key(FeedRecord record) => $"{record.Id}@{record.Version}";
}
