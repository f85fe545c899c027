using System.Globalization;

namespace Inspection.Silo.Commands;

/// <summary>The options of <c>score</c>, read from its command line.</summary>
public sealed record ScoreArguments(string Input, string Output, int Seed)
{
    public const string Usage = """
        Usage: dotnet run --project src/Silo -- score --input FILE.csv --output OUT.csv [--seed N]

        Fits the unsupervised anomaly ensemble on the rows of FILE.csv and writes OUT.csv: a header
        'score' and one score per input row, in input order, from 0 (usual) to 1 (more unusual than
        every row). FILE.csv is comma-separated with a header naming numeric columns; a column named
        'label' (any case) is ignored. The same file and seed (default 1) give the same scores.

        Exit codes: 0 scored, 1 unreadable or invalid input or unwritable output, 2 bad command line.
        """;

    /// <summary>The options, or null when help was asked for.</summary>
    /// <exception cref="CommandException">An option is unknown, repeated, missing or without its value.</exception>
    public static ScoreArguments? Parse(IReadOnlyList<string> args)
    {
        string? input = null, output = null, seed = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return null;
                case "--input":
                    input = Value(args, ref i, input);
                    break;
                case "--output":
                    output = Value(args, ref i, output);
                    break;
                case "--seed":
                    seed = Value(args, ref i, seed);
                    break;
                default:
                    throw new CommandException($"unknown option '{args[i]}' (see score --help)", CommandException.Usage);
            }
        }

        if (input is null || output is null)
        {
            throw new CommandException($"{(input is null ? "--input" : "--output")} is missing (see score --help)", CommandException.Usage);
        }

        if (!int.TryParse(seed ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture, out var seedValue))
        {
            throw new CommandException($"--seed must be an integer, not '{seed}'", CommandException.Usage);
        }

        return new ScoreArguments(input, output, seedValue);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string? already)
    {
        var option = args[i];
        if (already is not null)
        {
            throw new CommandException($"{option} is given twice", CommandException.Usage);
        }

        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || args[i + 1].Length == 0)
        {
            throw new CommandException($"{option} needs a value (see score --help)", CommandException.Usage);
        }

        return args[++i];
    }
}
