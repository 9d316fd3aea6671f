using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>A row of the fork's <c>log_source</c>: a server whose logs the Logs page reads, with a Fernet-encrypted password.</summary>
public sealed record LogSource(string Id, string Name, string Host, string Username, string PasswordEncrypted, long CreatedAt);

/// <summary>A log line as <c>GET /api/v1/logs/</c> returns it.</summary>
public sealed record LogLine(long Id, string SourceId, string Source, long Ts, string Level, string Message);

/// <summary>The fork's <c>log_source</c> and <c>log_entry</c> tables.</summary>
public sealed class LogStore(Db db)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public List<LogSource> Sources()
    {
        using var c = db.Open();
        return c.Query("SELECT * FROM log_source ORDER BY name", MapSource);
    }

    public LogSource CreateSource(string name, string host, string username, string passwordEncrypted)
    {
        using var c = db.Open();
        var id = CreateSource(c, name, host, username, passwordEncrypted, Clock.Now());
        return c.Query("SELECT * FROM log_source WHERE id = $id", MapSource, ("$id", id)).Single();
    }

    public static string CreateSource(SqliteConnection c, string name, string host, string username, string passwordEncrypted, long now)
    {
        var id = Clock.NewId();
        c.Execute("INSERT INTO log_source (id, name, host, username, password_encrypted, created_at) VALUES ($id, $n, $h, $u, $p, $now)",
            ("$id", id), ("$n", name), ("$h", host), ("$u", username), ("$p", passwordEncrypted), ("$now", now));
        return id;
    }

    public bool SourceNameTaken(string name)
    {
        using var c = db.Open();
        return c.Scalar<long>("SELECT count(*) FROM log_source WHERE name = $n", ("$n", name)) > 0;
    }

    /// <summary>Newest lines first, filtered by exact level, message substring and source (id or name).</summary>
    public (List<LogLine> Lines, long Total) Query(string? level, string? search, string? source, int limit, int offset)
    {
        var conditions = new List<string>();
        if (!string.IsNullOrEmpty(level)) conditions.Add("e.level = $level");
        if (!string.IsNullOrEmpty(search)) conditions.Add("e.message LIKE $q");
        if (!string.IsNullOrEmpty(source)) conditions.Add("(s.id = $source OR s.name = $source)");
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        (string, object?)[] parameters = [("$level", level?.ToUpperInvariant()), ("$q", $"%{search}%"), ("$source", source)];
        using var c = db.Open();
        var total = c.Scalar<long>($"SELECT count(*) FROM log_entry e JOIN log_source s ON s.id = e.source_id {where}", parameters);
        var lines = c.Query($"""
            SELECT e.id, e.source_id, s.name AS source, e.ts, e.level, e.message FROM log_entry e JOIN log_source s ON s.id = e.source_id
            {where} ORDER BY e.ts DESC, e.id DESC LIMIT {Math.Clamp(limit, 1, MaxLimit)} OFFSET {Math.Max(offset, 0)}
            """, r => new LogLine(r.Long("id"), r.Str("source_id"), r.Str("source"), r.Long("ts"), r.Str("level"), r.Str("message")), parameters);
        return (lines, total);
    }

    private static LogSource MapSource(SqliteDataReader r) =>
        new(r.Str("id"), r.Str("name"), r.Str("host"), r.Str("username"), r.Str("password_encrypted"), r.Long("created_at"));
}
