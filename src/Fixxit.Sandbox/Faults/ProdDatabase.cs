using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Faults;

/// <summary>
/// Row-level changes to prod's <c>webui.db</c> while prod runs, as a person with <c>sqlite3</c> would make them: one
/// short write transaction (SQLite's own locking keeps the running backend consistent).
/// </summary>
public static class ProdDatabase
{
    public static string PathOf(FaultContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Prod.PathOf(context.Prod.Database.Path);
        if (!File.Exists(path)) throw new SandboxException($"prod's database {path} does not exist (is prod provisioned?)");
        return path;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on prod's database and commits it.</summary>
    public static T Change<T>(FaultContext context, Func<SqliteCommand, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = PathOf(context), Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var result = work(command);
        transaction.Commit();
        return result;
    }

    /// <summary>Runs one statement with parameters; returns the rows it changed.</summary>
    public static int Execute(SqliteCommand command, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Clear();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of every row a query returns, as text.</summary>
    public static List<string> Column(SqliteCommand command, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Clear();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) values.Add(reader.IsDBNull(0) ? string.Empty : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
