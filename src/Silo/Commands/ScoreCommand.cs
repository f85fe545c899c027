using System.Diagnostics;
using System.Globalization;
using System.Text;
using Inspection.Rules.Anomalies;

namespace Inspection.Silo.Commands;

/// <summary>
/// <c>score</c>: fits the anomaly ensemble on a CSV file's rows and writes each row's score, for
/// analysts who want to rank a peer group's figures without running the platform.
/// </summary>
public static class ScoreCommand
{
    public const string Name = "score";

    /// <summary>Runs the command; returns the process's exit code. Nothing is written unless every row was scored.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var arguments = ScoreArguments.Parse(args);
            if (arguments is null)
            {
                output.WriteLine(ScoreArguments.Usage);
                return 0;
            }

            var watch = Stopwatch.StartNew();
            var rows = FeatureCsv.Read(arguments.Input);
            var ensemble = Fit(rows, arguments.Seed);
            var scores = ensemble.Score(rows);
            Write(arguments.Output, scores);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored {rows.Rows} rows of {rows.Columns} features with {ensemble.Version} in {watch.Elapsed.TotalSeconds:F1} s; wrote {arguments.Output}"));
            return 0;
        }
        catch (CommandException exception)
        {
            error.WriteLine($"score: {exception.Message}");
            return exception.ExitCode;
        }
    }

    private static AnomalyEnsemble Fit(FeatureMatrix rows, int seed)
    {
        try
        {
            return AnomalyEnsemble.Fit(rows, new AnomalyOptions { Seed = seed });
        }
        catch (ArgumentException exception)
        {
            throw new CommandException(exception.Message, CommandException.BadInput);
        }
    }

    // Written beside the output and moved over it once complete, so a failure leaves no partial file.
    private static void Write(string path, double[] scores)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                writer.Write("score\n");
                Span<char> number = stackalloc char[32];
                foreach (var score in scores)
                {
                    score.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture);
                    writer.Write(number[..written]);
                    writer.Write('\n');
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new CommandException($"cannot write '{path}': {exception.Message}", CommandException.BadInput);
        }
    }
}
