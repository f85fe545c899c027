using System.Net.Http.Json;
using Inspection.RegistrySimulator.Gateway;

namespace Inspection.RegistrySimulator.Tests;

public sealed class FromStartReadsTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(20));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Requests_without_a_cursor_are_counted_per_enterprise_and_registry_and_per_change_feed()
    {
        var code = (await _host.GetEnterprisesAsync())[0].EnterpriseCode;

        var first = await _host.GetPageAsync(RegistryServices.Tax, code);
        await _host.GetPageAsync(RegistryServices.Tax, code);
        await _host.GetPageAsync(RegistryServices.Tax, code, since: first.NextCursor);
        await _host.GetPageAsync(RegistryServices.SocialInsurance, code, since: first.NextCursor);
        var head = await _host.GetPageAsync(RegistryServices.Tax, enterpriseCode: null);
        await _host.GetNewestPageAsync(RegistryServices.Tax, since: null, until: null, limit: 10);
        await _host.GetPageAsync(RegistryServices.Tax, enterpriseCode: null, since: head.NextCursor);
        var newest = await _host.GetNewestPageAsync(RegistryServices.Labour, since: null, until: null, limit: 10);
        await _host.GetNewestPageAsync(RegistryServices.Labour, since: null, until: newest.UntilCursor, limit: 10);

        var reads = (await _host.Http.GetFromJsonAsync<List<FromStartRead>>("/simulator/reads-from-start"))!;
        Assert.Equal(
            [new FromStartRead(code, "tax", 2), new FromStartRead(null, "labour", 1), new FromStartRead(null, "tax", 2)],
            reads.OrderBy(r => r.EnterpriseCode is null).ThenBy(r => r.Registry, StringComparer.Ordinal));
    }
}
