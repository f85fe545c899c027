using System.Globalization;
using System.Text;
using Inspection.Rules.Anomalies;

namespace Inspection.Silo.Commands;

/// <summary>
/// Reads a comma-separated file of numeric features, line by line, into one growing array: a file of
/// hundreds of megabytes is parsed in one pass, in time proportional to its size. UTF-8 with or
/// without a byte-order mark, <c>\n</c> or <c>\r\n</c>, quoted or bare cells; a column named
/// <c>label</c> (any case) is skipped, so that a labelled evaluation file can be scored as it is.
/// </summary>
internal static class FeatureCsv
{
    public const string LabelColumn = "label";

    /// <exception cref="CommandException">The file cannot be read, or is not a header and rows of numbers; the message names the line.</exception>
    public static FeatureMatrix Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
            return Read(reader, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"cannot read '{path}': {exception.Message}", CommandException.BadInput);
        }
    }

    private static FeatureMatrix Read(StreamReader reader, string path)
    {
        var header = reader.ReadLine() ?? throw new CommandException($"'{path}' is empty", CommandException.BadInput);
        if (header.Length == 0)
        {
            throw new CommandException($"'{path}' has no header: its first line is empty", CommandException.BadInput);
        }

        var cells = new Range[16];
        var width = CsvCells.Split(header, 1, ref cells);
        var (names, used) = Columns(header, cells.AsSpan(0, width));
        var values = new List<double>();
        var lineNumber = 1;
        var blankLine = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                // Blank lines may end the file, but a blank line between rows is a row gone missing.
                blankLine = blankLine == 0 ? lineNumber : blankLine;
                continue;
            }

            if (blankLine != 0)
            {
                throw new CommandException($"line {blankLine} is empty", CommandException.BadInput);
            }

            var count = CsvCells.Split(line, lineNumber, ref cells);
            if (count != width)
            {
                throw new CommandException($"line {lineNumber} has {count} cells; the header has {width}", CommandException.BadInput);
            }

            for (var c = 0; c < width; c++)
            {
                if (used[c] >= 0)
                {
                    values.Add(Number(line.AsSpan()[cells[c]], lineNumber, names[used[c]]));
                }
            }
        }

        if (values.Count == 0)
        {
            throw new CommandException($"'{path}' has a header but no rows", CommandException.BadInput);
        }

        return new FeatureMatrix([.. values], names.Length, names);
    }

    // The numeric columns' names, and for each header cell its position among them (−1: skipped).
    private static (string[] Names, int[] Used) Columns(string header, ReadOnlySpan<Range> cells)
    {
        var names = new List<string>();
        var used = new int[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            var name = CsvCells.Unquote(header.AsSpan()[cells[c]]).Trim();
            if (name.Length == 0)
            {
                throw new CommandException($"line 1: header cell {c + 1} has no name", CommandException.BadInput);
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw new CommandException($"line 1: column '{name}' is named twice", CommandException.BadInput);
            }

            used[c] = name.Equals(LabelColumn, StringComparison.OrdinalIgnoreCase) ? -1 : names.Count;
            if (used[c] >= 0)
            {
                names.Add(name);
            }
        }

        return names.Count > 0 ? ([.. names], used)
            : throw new CommandException("line 1: the header names no numeric column (a 'label' column is not scored)", CommandException.BadInput);
    }

    private static double Number(ReadOnlySpan<char> cell, int lineNumber, string column)
    {
        var text = cell.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CommandException($"line {lineNumber}, column '{column}': '{text}' is not a finite number", CommandException.BadInput);
    }
}
