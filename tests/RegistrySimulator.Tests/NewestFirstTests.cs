using System.Globalization;
using System.Net;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>Reading a change feed newest first (<c>order=newest</c>, bounded below by <c>since</c> and above by <c>until</c>).</summary>
public sealed class NewestFirstTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_first_page_is_the_newest_records_in_publication_order_and_its_cursor_is_the_head()
    {
        var (whole, head) = await _host.ReadToEndAsync(RegistryServices.Tax);

        var page = await _host.GetNewestPageAsync(RegistryServices.Tax, since: null, until: null, limit: 50);

        Assert.Equal(whole.TakeLast(50).Select(Key), page.Records.Select(Key));
        Assert.Equal(head, page.NextCursor);
        Assert.True(page.HasMore);
        Assert.NotNull(page.UntilCursor);
    }

    [Fact]
    public async Task Pages_read_down_to_the_since_cursor_return_every_record_after_it_exactly_once()
    {
        var (older, since) = await _host.ReadToEndAsync(RegistryServices.SocialInsurance, limit: 1000);
        for (var month = 0; month < 2; month++)
        {
            _host.State.AdvancePeriod();
        }

        var (whole, _) = await _host.ReadToEndAsync(RegistryServices.SocialInsurance);
        var newer = whole.Skip(older.Count).Select(Key).ToList();

        var pages = new List<List<FeedRecord>>();
        string? until = null;
        FeedPageBody page;
        do
        {
            page = await _host.GetNewestPageAsync(RegistryServices.SocialInsurance, since, until, limit: 37);
            pages.Add(page.Records);
            until = page.UntilCursor;
        }
        while (page.HasMore);

        Assert.True(newer.Count > 37 * 3, $"only {newer.Count} newer records");
        Assert.Equal(newer, pages.AsEnumerable().Reverse().SelectMany(p => p).Select(Key));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(37, p.Count));
    }

    [Fact]
    public async Task With_nothing_after_the_cursor_the_page_is_empty_and_keeps_the_cursor()
    {
        var (_, head) = await _host.ReadToEndAsync(RegistryServices.Labour);

        var page = await _host.GetNewestPageAsync(RegistryServices.Labour, head, until: null, limit: 100);

        Assert.Empty(page.Records);
        Assert.False(page.HasMore);
        Assert.Equal(head, page.NextCursor);
    }

    [Fact]
    public async Task An_until_bound_leaves_out_what_came_after_it()
    {
        var (whole, _) = await _host.ReadToEndAsync(RegistryServices.Tax);
        var newest = await _host.GetNewestPageAsync(RegistryServices.Tax, since: null, until: null, limit: 10);

        var before = await _host.GetNewestPageAsync(RegistryServices.Tax, since: null, until: newest.UntilCursor, limit: 10);

        Assert.Equal(whole.SkipLast(10).TakeLast(10).Select(Key), before.Records.Select(Key));
        Assert.True(long.Parse(before.NextCursor, CultureInfo.InvariantCulture) <= long.Parse(newest.UntilCursor!, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("?order=sideways", "'order'")]
    [InlineData("?until=5", "'until' goes with order=newest")]
    [InlineData("?order=newest&until=five", "'until' goes with order=newest")]
    public async Task A_bad_order_or_until_is_a_400_problem(string query, string detail)
    {
        var (response, _) = await _host.SendAsync($"/r1/{RegistryServices.Tax.ServicePath}/changes{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_that_ignores_newest_first_answers_its_oldest_page_without_an_until_cursor()
    {
        var options = SimulatorHost.SmallOptions();
        options.NewestFirst = NewestFirstSupport.Ignored;
        await using var host = await SimulatorHost.StartAsync(options);

        var page = await host.GetNewestPageAsync(RegistryServices.Tax, since: null, until: "5", limit: 10);

        Assert.Equal((await host.GetPageAsync(RegistryServices.Tax, null, limit: 10)).Records.Select(Key), page.Records.Select(Key));
        Assert.Null(page.UntilCursor);
    }

    [Fact]
    public async Task A_registry_that_refuses_newest_first_answers_400()
    {
        var options = SimulatorHost.SmallOptions();
        options.NewestFirst = NewestFirstSupport.Refused;
        await using var host = await SimulatorHost.StartAsync(options);

        var (refused, _) = await host.SendAsync($"/r1/{RegistryServices.Tax.ServicePath}/changes?order=newest");
        var (plain, _) = await host.SendAsync($"/r1/{RegistryServices.Tax.ServicePath}/changes");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    private static string Key(FeedRecord record) => $"{record.Id}@{record.Version}";
}
