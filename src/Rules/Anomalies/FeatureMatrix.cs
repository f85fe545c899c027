using System.Globalization;

namespace Inspection.Rules.Anomalies;

/// <summary>
/// Rows of numeric features, stored row after row in one array so that millions of rows cost one
/// allocation. Every value is checked to be finite on construction: a missing or infinite value is
/// refused, not imputed, because a guessed value would make a row look usual or unusual for no reason
/// the data shows; the caller decides what a missing value means.
/// </summary>
public sealed class FeatureMatrix
{
    private readonly double[] values;

    /// <summary>Wraps <paramref name="values"/> as rows of <paramref name="columns"/> features; they are not copied, so leave them unchanged.</summary>
    /// <param name="values">The rows, one after the other.</param>
    /// <param name="columns">Features per row.</param>
    /// <param name="names">The features' names, for explanations; <c>x0</c>, <c>x1</c>, … when omitted.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite (the message names its row and column), the
    /// values do not fill whole rows, or the names do not match the columns.</exception>
    public FeatureMatrix(double[] values, int columns, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (values.Length % columns != 0)
        {
            throw new ArgumentException($"{values.Length} values do not make whole rows of {columns} features.", nameof(values));
        }

        Names = names is null ? [.. Enumerable.Range(0, columns).Select(i => string.Create(CultureInfo.InvariantCulture, $"x{i}"))] : [.. names];
        if (Names.Count != columns)
        {
            throw new ArgumentException($"{Names.Count} names were given for {columns} features.", nameof(names));
        }

        this.values = values;
        Columns = columns;
        Rows = values.Length / columns;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Row {i / columns}, column '{Names[i % columns]}' is {values[i].ToString(CultureInfo.InvariantCulture)}; every value must be a finite number.", nameof(values));
            }
        }
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Features per row.</summary>
    public int Columns { get; }

    /// <summary>The features' names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The features of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) => values.AsSpan(row * Columns, Columns);

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>, one after another.</summary>
    internal ReadOnlySpan<double> Block(int start, int count) => values.AsSpan(start * Columns, count * Columns);
}
