using Inspection.Bench.RulesBench.Generation;
using Inspection.Bench.RulesBench.Translation;
using Inspection.Rules;
using RulesEngine.Models;

namespace Inspection.Bench.RulesBench;

/// <summary>
/// A run of consecutive enterprises made ready for both engines before anything is timed: for ours a
/// <see cref="FactSet"/> each (records parsed into typed columns), for RulesEngine its typed input in a
/// rule parameter, both from the same registry records, which are then let go. Each engine's inputs are
/// made in a pass of their own, so that neither engine's data lies interleaved with the other's in memory,
/// as no deployment would hold them.
/// </summary>
internal sealed class Batch
{
    private Batch(int first, string[] codes, FactSet[] facts, RuleParameter[][] parameters, IReadOnlyList<PlantedViolation>[] planted, long records)
    {
        (First, Codes, Facts, Parameters, Planted, Records) = (first, codes, facts, parameters, planted, records);
    }

    /// <summary>The number of the batch's first enterprise in the run.</summary>
    public int First { get; }

    public string[] Codes { get; }

    public FactSet[] Facts { get; }

    public RuleParameter[][] Parameters { get; }

    public IReadOnlyList<PlantedViolation>[] Planted { get; }

    /// <summary>The registry records the batch's enterprises hold.</summary>
    public long Records { get; }

    public int Count => Codes.Length;

    public static Batch Generate(EnterpriseGenerator generator, int first, int count, RulePack pack)
    {
        var (codes, facts, parameters, planted, records) = (new string[count], new FactSet[count], new RuleParameter[count][], new IReadOnlyList<PlantedViolation>[count], 0L);
        var enterprises = new GeneratedEnterprise[count];
        for (var i = 0; i < count; i++)
        {
            var enterprise = enterprises[i] = generator.Next();
            codes[i] = enterprise.Code;
            planted[i] = enterprise.Planted;
            records += enterprise.Records.Count;
        }

        for (var i = 0; i < count; i++)
        {
            facts[i] = new FactSet(pack);
            facts[i].RememberAll(enterprises[i].Records);
        }

        for (var i = 0; i < count; i++)
        {
            parameters[i] = RulesEngineRunner.Parameters(InputReader.Read(enterprises[i].Code, enterprises[i].Records, EnterpriseGenerator.AsOf));
        }

        return new Batch(first, codes, facts, parameters, planted, records);
    }
}
