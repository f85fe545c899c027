using System.Globalization;
using System.Text;
using Inspection.Silo.Commands;

namespace Inspection.Silo.Tests.Commands;

/// <summary>A temporary folder of real files for the score command, deleted afterwards.</summary>
public sealed class ScoreFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("inspection-score-").FullName;

    public string Output => File(nameof(Output) + ".csv");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content, bool byteOrderMark = false)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(byteOrderMark));
        return path;
    }

    /// <summary>Runs the command in-process; returns its exit code and what it printed.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = ScoreCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The scores of an output file, checking its header.</summary>
    public double[] Scores()
    {
        var lines = System.IO.File.ReadAllLines(Output);
        Assert.Equal("score", lines[0]);
        return [.. lines.Skip(1).Select(line => double.Parse(line, CultureInfo.InvariantCulture))];
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
