using System.Data.Common;

namespace Inspection.Silo.Storage;

/// <summary>A WHERE clause built from the filters that are set, each value bound as a parameter.</summary>
internal sealed class SqlConditions(DbCommand command)
{
    private readonly List<string> _conditions = [];

    /// <summary>Filters on equality when <paramref name="value"/> is set.</summary>
    public void Equal(string column, object? value)
    {
        if (value is not null)
        {
            _conditions.Add($"{column} = {command.Bind(value)}");
        }
    }

    /// <summary>Filters on membership when <paramref name="values"/> is set; the caller handles an empty set.</summary>
    public void In(string column, IReadOnlyCollection<string>? values)
    {
        if (values is not null)
        {
            _conditions.Add($"{column} IN ({string.Join(", ", values.Distinct(StringComparer.Ordinal).Select(command.Bind))})");
        }
    }

    /// <summary>Keeps times at or after <paramref name="from"/> (inclusive) and before <paramref name="to"/> (exclusive).</summary>
    public void Between(string millisecondsColumn, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start)
        {
            _conditions.Add($"{millisecondsColumn} >= {command.Bind(start.ToUnixTimeMilliseconds())}");
        }

        if (to is { } end)
        {
            _conditions.Add($"{millisecondsColumn} < {command.Bind(end.ToUnixTimeMilliseconds())}");
        }
    }

    public void Add(string condition) => _conditions.Add(condition);

    public override string ToString() => _conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _conditions);
}
