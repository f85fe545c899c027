using System.Net.Http.Json;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>The agency's past inspections, which a supervised risk model learns from.</summary>
public sealed class InspectionOutcomeTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(2000));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task About_two_in_five_enterprises_were_inspected_once_in_the_history()
    {
        var outcomes = (await _host.Http.GetFromJsonAsync<List<InspectionOutcome>>("/simulator/inspection-outcomes"))!;

        Assert.InRange(outcomes.Count, 700, 900);
        Assert.Equal(outcomes.Count, outcomes.Select(o => o.EnterpriseCode).Distinct().Count());
        Assert.All(outcomes, o => Assert.InRange(o.DecidedOn, new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31)));
        var known = (await _host.GetEnterprisesAsync()).Select(e => e.EnterpriseCode).ToHashSet();
        Assert.All(outcomes, o => Assert.Contains(o.EnterpriseCode, known));
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
