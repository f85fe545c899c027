using System.Data.Common;

namespace Inspection.Silo.Storage;

/// <summary>Parameter and reading helpers that work the same on Npgsql and Microsoft.Data.Sqlite (both take <c>@name</c>).</summary>
internal static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // No DbType: a null then goes to PostgreSQL untyped and takes the type of the column it lands in.
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Adds a parameter named after its position and returns the placeholder to put in the SQL.</summary>
    public static string Bind(this DbCommand command, object? value)
    {
        var name = $"@p{command.Parameters.Count}";
        command.AddParameter(name, value);
        return name;
    }

    /// <summary>Runs the query and reads every row it returns.</summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(this DbCommand command, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
