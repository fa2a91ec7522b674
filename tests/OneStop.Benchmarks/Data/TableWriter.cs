using Microsoft.Data.Sqlite;

namespace OneStop.Benchmarks.Data;

/// <summary>
/// A prepared INSERT for one table that fills the columns it is given and gives every other NOT NULL column a zero of
/// its type, so the generator keeps working when a later migration adds a required column.
/// </summary>
internal sealed class TableWriter
{
    private readonly SqliteCommand _command;
    private readonly Dictionary<string, SqliteParameter> _parameters = new(StringComparer.OrdinalIgnoreCase);

    public TableWriter(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns)
    {
        var info = new List<(string Name, string Type, bool NotNull, bool HasDefault, bool Key)>();
        using (var pragma = connection.CreateCommand())
        {
            pragma.Transaction = transaction;
            pragma.CommandText = $"PRAGMA table_info(\"{table}\")";
            using var reader = pragma.ExecuteReader();
            while (reader.Read())
                info.Add((reader.GetString(1), reader.GetString(2), reader.GetInt32(3) == 1, !reader.IsDBNull(4), reader.GetInt32(5) > 0));
        }
        if (info.Count == 0)
            throw new InvalidOperationException($"Table {table} does not exist: is the schema migrated?");
        var unknown = columns.Where(c => info.All(i => !string.Equals(i.Name, c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Table {table} has no column {string.Join(", ", unknown)}.");

        // Required columns nobody set: a zero of the column's type (an INTEGER autoincrement key is left to SQLite).
        var fillers = info.Where(i => i.NotNull && !i.HasDefault && !(i.Key && i.Type == "INTEGER")
            && !columns.Contains(i.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var names = columns.Concat(fillers.Select(f => f.Name)).ToList();
        var values = columns.Select(c => "$" + c).Concat(fillers.Select(f => f.Type == "INTEGER" ? "0" : "''"));
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", values)})";
        foreach (var column in columns)
            _parameters[column] = _command.Parameters.Add(new SqliteParameter("$" + column, null));
        _command.Prepare();
    }

    public TableWriter Set(string column, object? value)
    {
        _parameters[column].Value = value switch
        {
            null => DBNull.Value,
            Guid id => id.ToString("D").ToUpperInvariant(),
            bool flag => flag ? 1 : 0,
            DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            _ => value,
        };
        return this;
    }

    public void Insert() => _command.ExecuteNonQuery();
}
