using System.Diagnostics;

namespace Inspection.Silo.Tests.Commands;

/// <summary>The command through the silo's real entry point, as its own process, without a host starting.</summary>
public class ScoreProcessTests
{
    [Fact]
    public async Task The_silo_executable_scores_a_file_and_exits_without_starting_the_host()
    {
        using var folder = new ScoreFolder();
        var input = folder.Write("peers.csv", ScoreCommandTests.Peers(rows: 300, outlierAt: 42));

        var (exitCode, output, error) = await Silo("score", "--input", input, "--output", folder.Output);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.StartsWith("scored 300 rows", output, StringComparison.Ordinal);
        var scores = folder.Scores();
        Assert.Equal(42, Array.IndexOf(scores, scores.Max()));
    }

    [Fact]
    public async Task The_silo_executable_exits_with_2_and_one_line_on_an_unknown_option()
    {
        var (exitCode, output, error) = await Silo("score", "--verbose");

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Equal("score: unknown option '--verbose' (see score --help)\n", error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> Silo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Inspection.Silo.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
