namespace Inspection.Silo.Commands;

/// <summary>
/// Splits one line of a comma-separated file into cells without allocating: each cell is a range of
/// the line, with the quotes around a quoted cell left out. A quoted cell may hold commas; a quote
/// inside it is doubled (""), and such a cell is read by <see cref="Unquote"/>.
/// </summary>
internal static class CsvCells
{
    /// <summary>Writes the cells' ranges into <paramref name="cells"/> (grown as needed) and returns how many there are.</summary>
    /// <exception cref="CommandException">A quote is not closed, or text follows a closing quote.</exception>
    public static int Split(string line, int lineNumber, ref Range[] cells)
    {
        var count = 0;
        var position = 0;
        while (true)
        {
            if (count == cells.Length)
            {
                Array.Resize(ref cells, Math.Max(8, cells.Length * 2));
            }

            int end;
            if (position < line.Length && line[position] == '"')
            {
                var close = ClosingQuote(line, position + 1, lineNumber);
                cells[count++] = (position + 1)..close;
                end = close + 1;
                if (end < line.Length && line[end] != ',')
                {
                    throw new CommandException($"line {lineNumber}: text after the closing quote of cell {count}", CommandException.BadInput);
                }
            }
            else
            {
                var comma = line.IndexOf(',', position);
                end = comma < 0 ? line.Length : comma;
                cells[count++] = position..end;
            }

            if (end >= line.Length)
            {
                return count;
            }

            position = end + 1;
        }
    }

    /// <summary>A quoted cell's text with its doubled quotes made single.</summary>
    public static string Unquote(ReadOnlySpan<char> cell) => cell.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);

    private static int ClosingQuote(string line, int from, int lineNumber)
    {
        for (var i = from; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        throw new CommandException($"line {lineNumber}: a quote is not closed (cells cannot span lines)", CommandException.BadInput);
    }
}
