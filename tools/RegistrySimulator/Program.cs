namespace Inspection.RegistrySimulator;

/// <summary>
/// The standalone simulator: <c>dotnet run --project tools/RegistrySimulator -- --urls http://127.0.0.1:5080
/// --Simulator:EnterpriseCount=10000 --Simulator:PeriodInterval=00:01:00</c>. Settings come from the
/// <c>Simulator</c> section of environment variables (<c>Simulator__Seed</c>) and the command line.
/// </summary>
/// <remarks>A named class, not top-level statements: a web host that references this project has its own <c>Program</c>.</remarks>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var options = configuration.GetSection("Simulator").Get<SimulatorOptions>() ?? new SimulatorOptions();
        await using var app = RegistrySimulatorApp.Create(options, args);
        await app.RunAsync();
    }
}
