using Inspection.Silo.Hosting;

namespace Inspection.Silo;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var app = await InspectionHost.BuildAsync(args);
        await app.RunAsync();
    }
}
