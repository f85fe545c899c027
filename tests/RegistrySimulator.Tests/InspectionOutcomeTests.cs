using System.Net.Http.Json;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>The agency's past inspections, which a supervised risk model learns from.</summary>
public sealed class InspectionOutcomeTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(2000));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Enterprises_with_a_planted_violation_were_inspected_twice_as_often_each_once_in_the_history()
    {
        var outcomes = (await _host.Http.GetFromJsonAsync<List<InspectionOutcome>>("/simulator/inspection-outcomes"))!;
        var enterprises = (await _host.GetEnterprisesAsync()).Select(e => e.EnterpriseCode).ToHashSet();
        var planted = (await _host.GetGroundTruthAsync()).Select(v => v.EnterpriseCode).ToHashSet();

        var inspected = outcomes.Select(o => o.EnterpriseCode).ToHashSet();
        Assert.Equal(outcomes.Count, inspected.Count);
        Assert.InRange(inspected.Count(planted.Contains) / (double)planted.Count, 0.6, 0.8);
        Assert.InRange(inspected.Count(code => !planted.Contains(code)) / (double)enterprises.Except(planted).Count(), 0.3, 0.4);
        Assert.All(outcomes, o => Assert.InRange(o.DecidedOn, new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31)));
        Assert.Subset(enterprises, inspected);
    }

    [Fact]
    public async Task Inspections_of_enterprises_with_a_planted_violation_found_one_far_more_often()
    {
        var outcomes = (await _host.Http.GetFromJsonAsync<List<InspectionOutcome>>("/simulator/inspection-outcomes"))!;
        var planted = (await _host.GetGroundTruthAsync()).Select(v => v.EnterpriseCode).ToHashSet();

        var foundWhenPlanted = outcomes.Where(o => planted.Contains(o.EnterpriseCode)).Average(o => o.ViolationFound ? 1.0 : 0);
        var foundWhenClean = outcomes.Where(o => !planted.Contains(o.EnterpriseCode)).Average(o => o.ViolationFound ? 1.0 : 0);

        Assert.InRange(foundWhenPlanted, 0.65, 0.95);
        Assert.InRange(foundWhenClean, 0.04, 0.16);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_outcomes()
    {
        await using var again = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(2000));

        Assert.Equal(_host.State.InspectionOutcomes, again.State.InspectionOutcomes);
    }
}
