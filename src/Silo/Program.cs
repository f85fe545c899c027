using Inspection.Silo.Commands;
using Inspection.Silo.Hosting;

namespace Inspection.Silo;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // An analyst's command runs alone and exits: no host, no storage, no simulator.
        if (args is [ScoreCommand.Name, ..])
        {
            return ScoreCommand.Run(args[1..], Console.Out, Console.Error);
        }

        var app = await InspectionHost.BuildAsync(args);
        await app.RunAsync();
        return 0;
    }
}
