using Microsoft.Data.Sqlite;

namespace Fixxit.Provisioning.Specs.Support;

/// <summary>Small direct SQLite helpers for specs (the sandbox's files are local), pooling off so no handle outlives a call.</summary>
public static class Sql
{
    public static long Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadWrite;Pooling=False;Default Timeout=10");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A marker row only a spec writes: a log line with a unique message.</summary>
    public static void InsertMarker(string db, string marker) =>
        Execute(db, $"INSERT INTO log_entry (source_id, ts, level, message) VALUES ((SELECT id FROM log_source LIMIT 1), 0, 'INFO', '{marker}')");

    public static bool HasMarker(string db, string marker) =>
        Scalar(db, $"SELECT count(*) FROM log_entry WHERE message = '{marker}'") > 0;
}
