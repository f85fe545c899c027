using System.Globalization;
using System.Text;

namespace Inspection.Silo.Tests.Commands;

public class ScoreCommandTests
{
    [Fact]
    public void Every_row_gets_a_score_in_input_order_and_the_planted_outlier_the_highest()
    {
        using var folder = new ScoreFolder();
        var input = folder.Write("peers.csv", Peers(rows: 400, outlierAt: 123));

        var (exitCode, output, error) = ScoreFolder.Run("--input", input, "--output", folder.Output);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("scored 400 rows of 3 features with anomaly-ensemble/1:", output, StringComparison.Ordinal);
        var scores = folder.Scores();
        Assert.Equal(400, scores.Length);
        Assert.Equal(123, Array.IndexOf(scores, scores.Max()));
        Assert.All(scores, score => Assert.InRange(score, 0, 1));
    }

    [Fact]
    public void A_label_column_is_ignored()
    {
        using var folder = new ScoreFolder();
        var plain = Peers(rows: 200, outlierAt: 5);
        var lines = plain.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // A label that would be the most unusual feature of all were it scored.
        var labelled = string.Join('\n', lines.Select((line, i) => i == 0 ? $"Label,{line}" : $"{(i == 100 ? 1000 : 0)},{line}"));
        ScoreFolder.Run("--input", folder.Write("plain.csv", plain), "--output", folder.Output);
        var withoutLabel = folder.Scores();

        var (exitCode, output, _) = ScoreFolder.Run("--input", folder.Write("labelled.csv", labelled), "--output", folder.Output);

        Assert.Equal(0, exitCode);
        Assert.Contains("of 3 features", output, StringComparison.Ordinal);
        Assert.Equal(withoutLabel, folder.Scores());
    }

    [Fact]
    public void Quoted_header_names_crlf_line_ends_a_byte_order_mark_and_no_final_newline_read_as_a_plain_file()
    {
        using var folder = new ScoreFolder();
        var plain = Peers(rows: 150, outlierAt: 7);
        ScoreFolder.Run("--input", folder.Write("plain.csv", plain), "--output", folder.Output);
        var expected = folder.Scores();
        var lines = plain.TrimEnd('\n').Split('\n');
        var header = string.Join(',', lines[0].Split(',').Select(name => $"\"{name}\""));
        var windows = folder.Write("windows.csv", string.Join("\r\n", [header, .. lines.Skip(1)]), byteOrderMark: true);

        var (exitCode, _, error) = ScoreFolder.Run("--input", windows, "--output", folder.Output);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal(expected, folder.Scores());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("\n1,2\n", "has no header")]
    [InlineData("label\n1\n2\n3\n", "line 1: the header names no numeric column")]
    [InlineData("a,b\n", "has a header but no rows")]
    [InlineData("a,b\n1,2\n3,4\n5\n6,7\n", "line 4 has 1 cells; the header has 2")]
    [InlineData("a,b\n1,2\n3,x\n5,6\n", "line 3, column 'b': 'x' is not a finite number")]
    [InlineData("a,b\n1,2\n3,4\nNaN,6\n", "line 4, column 'a': 'NaN' is not a finite number")]
    [InlineData("a,b\n1,2\n\n3,4\n5,6\n", "line 3 is empty")]
    [InlineData("a,a\n1,2\n", "column 'a' is named twice")]
    [InlineData("\"a,b\n1,2\n", "line 1: a quote is not closed")]
    [InlineData("a,b\n1,2\n3,4\n", "at least 3 rows")]
    public void A_bad_file_is_refused_with_one_line_on_stderr_and_nothing_written(string content, string message)
    {
        using var folder = new ScoreFolder();

        var (exitCode, output, error) = ScoreFolder.Run("--input", folder.Write("bad.csv", content), "--output", folder.Output);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal(["bad.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_input_file_is_refused_and_nothing_written()
    {
        using var folder = new ScoreFolder();

        var (exitCode, _, error) = ScoreFolder.Run("--input", folder.File("absent.csv"), "--output", folder.Output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"score: cannot read '{folder.File("absent.csv")}'", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_refused_and_no_file_is_left()
    {
        using var folder = new ScoreFolder();
        var input = folder.Write("peers.csv", Peers(rows: 50, outlierAt: 1));
        var output = Path.Combine(folder.Path, "missing", "out.csv");

        var (exitCode, _, error) = ScoreFolder.Run("--input", input, "--output", output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"score: cannot write '{output}'", error, StringComparison.Ordinal);
        Assert.Equal(["peers.csv"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--output|out.csv", "--input is missing")]
    [InlineData("--input|in.csv", "--output is missing")]
    [InlineData("--input|in.csv|--output|out.csv|--fast", "unknown option '--fast'")]
    [InlineData("--input|--output|out.csv", "--input needs a value")]
    [InlineData("--input|in.csv|--input|in.csv|--output|out.csv", "--input is given twice")]
    [InlineData("--input|in.csv|--output|out.csv|--seed|one", "--seed must be an integer")]
    public void A_bad_command_line_is_refused_with_exit_code_2(string args, string message)
    {
        var (exitCode, _, error) = ScoreFolder.Run(args.Split('|'));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_the_usage_and_succeeds()
    {
        var (exitCode, output, error) = ScoreFolder.Run("--help");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("score --input FILE.csv --output OUT.csv", output, StringComparison.Ordinal);
    }

    /// <summary>A header and normal rows of three features; the row at <paramref name="outlierAt"/> is far off in one of them.</summary>
    internal static string Peers(int rows, int outlierAt)
    {
        var random = new Random(rows);
        var text = new StringBuilder("revenue,staff,invoices\n");
        for (var i = 0; i < rows; i++)
        {
            var revenue = i == outlierAt ? 40.0 : 10 + random.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"{revenue},{random.Next(20, 30)},{random.NextDouble() * 5}\n");
        }

        return text.ToString();
    }
}
