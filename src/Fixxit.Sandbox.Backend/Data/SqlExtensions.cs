using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>Small ADO.NET helpers: parameters are passed as (name, value) pairs, never spliced into SQL.</summary>
public static class SqlExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static int Execute(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static T? Scalar<T>(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<T> Query<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public static string? StringOrNull(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public static long? LongOrNull(this SqliteDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetInt64(i);
    }

    public static string Str(this SqliteDataReader reader, string column) => reader.StringOrNull(column) ?? string.Empty;

    public static long Long(this SqliteDataReader reader, string column) => reader.LongOrNull(column) ?? 0;

    /// <summary>
    /// Runs <paramref name="work"/> in one SQLite transaction, begun with SQL so that the helpers above need no
    /// transaction object; rolled back on any exception so nothing is half-written. Nested calls join the outer one.
    /// </summary>
    public static T InTransaction<T>(this SqliteConnection connection, Func<T> work)
    {
        // Nested use joins the transaction already open on this connection.
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0) return work();
        connection.Execute("BEGIN IMMEDIATE");
        try
        {
            var result = work();
            connection.Execute("COMMIT");
            return result;
        }
        catch
        {
            connection.Execute("ROLLBACK");
            throw;
        }
    }

    public static void InTransaction(this SqliteConnection connection, Action work) =>
        connection.InTransaction(() =>
        {
            work();
            return 0;
        });
}
