using System.Text.Json;
using System.Text.Json.Nodes;
using Fixxit.Cryptography;
using Microsoft.Data.Sqlite;

namespace Fixxit.OpenWebUi.Database;

/// <summary>
/// Open WebUI's SQLite database (<c>backend/data/webui.db</c>). Opened read-only by default so a check can never change
/// a live database; <see cref="OpenWritable"/> is for a copy being prepared (e.g. prod's copy of dev's database, whose
/// persisted <c>webui.url</c> must be rewritten). Pooling is off so no handle outlives <see cref="Dispose"/>.
/// </summary>
public sealed class OpenWebUiDatabase : IDisposable
{
    /// <summary>How long a statement waits for another process's write lock before failing as "locked".</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection _connection;

    private OpenWebUiDatabase(string path, SqliteConnection connection, bool writable)
    {
        Path = path;
        _connection = connection;
        IsWritable = writable;
    }

    public string Path { get; }

    public bool IsWritable { get; }

    /// <summary>Opens an existing database read-only (<c>Mode=ReadOnly</c>) and checks it is SQLite.</summary>
    /// <exception cref="OpenWebUiDatabaseException">Missing, not SQLite, corrupt header, or locked.</exception>
    public static OpenWebUiDatabase OpenReadOnly(string path, TimeSpan? busyTimeout = null) =>
        Open(path, SqliteOpenMode.ReadOnly, busyTimeout);

    /// <summary>Opens an existing database for writing. Use on a copy, never on a live application's file.</summary>
    public static OpenWebUiDatabase OpenWritable(string path, TimeSpan? busyTimeout = null) =>
        Open(path, SqliteOpenMode.ReadWrite, busyTimeout);

    private static OpenWebUiDatabase Open(string path, SqliteOpenMode mode, TimeSpan? busyTimeout)
    {
        if (Directory.Exists(path)) throw new OpenWebUiDatabaseException(path, "is a directory, not a database file");
        if (!File.Exists(path)) throw new OpenWebUiDatabaseException(path, "no such database file");
        var connection = new SqliteConnection(ConnectionString(path, mode, busyTimeout ?? DefaultBusyTimeout));
        try
        {
            SqliteFailures.Guard(path, "opening it", () =>
            {
                connection.Open();
                // Reading the schema touches the header: a non-database or torn file fails here, not later.
                using var probe = connection.CreateCommand();
                probe.CommandText = "SELECT count(*) FROM sqlite_master";
                return probe.ExecuteScalar();
            });
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new OpenWebUiDatabase(path, connection, mode != SqliteOpenMode.ReadOnly);
    }

    internal static string ConnectionString(string path, SqliteOpenMode mode, TimeSpan busyTimeout) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();

    /// <summary>Names of all tables, sorted.</summary>
    public IReadOnlyList<string> Tables() => Guard("listing tables", () =>
    {
        using var command = Command("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    });

    public bool TableExists(string table) => Guard($"looking for table {table}", () =>
    {
        using var command = Command("SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name = $name");
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    });

    /// <summary>Rows in any table, by name; the name is checked against the schema and quoted, never spliced raw.</summary>
    /// <exception cref="OpenWebUiDatabaseException">No such table.</exception>
    public long CountRows(string table)
    {
        RequireTable(table);
        return Guard($"counting rows of {table}", () =>
        {
            using var command = Command($"SELECT count(*) FROM {Quote(table)}");
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Rows in <c>user</c>, <c>group</c> and <c>chat</c>.</summary>
    public RowCounts Counts() => new(TryCount("user"), TryCount("group"), TryCount("chat"));

    private long? TryCount(string table) => TableExists(table) ? CountRows(table) : null;

    /// <summary>The latest <c>config</c> row's JSON, or null when the table is absent or empty (nothing persisted yet).</summary>
    /// <exception cref="OpenWebUiDatabaseException">The table has another layout (Open WebUI 0.10+ stores one row per key) or its JSON is unreadable.</exception>
    public PersistedConfig? ReadConfig()
    {
        if (!TableExists("config")) return null;
        RequireColumns("config", "id", "data");
        return Guard("reading the config table", () =>
        {
            using var command = Command("SELECT id, data FROM config ORDER BY id DESC LIMIT 1");
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            var id = reader.GetInt64(0);
            // SQLAlchemy's JSON type stores TEXT, but a hand-edited row may hold the same JSON as a BLOB.
            var text = reader.GetValue(1) switch
            {
                DBNull => "{}",
                byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "{}",
            };
            try
            {
                return JsonNode.Parse(text) is JsonObject obj
                    ? new PersistedConfig(id, obj)
                    : throw new OpenWebUiDatabaseException(Path, $"config row {id}: data is JSON but not an object");
            }
            catch (JsonException e)
            {
                throw new OpenWebUiDatabaseException(Path, $"config row {id}: data is not valid JSON ({e.Message})", e);
            }
        });
    }

    /// <summary>
    /// Sets <c>webui.url</c> in the latest config row (creating the <c>webui</c> object if needed). False when nothing is
    /// persisted yet (then the environment's WEBUI_URL applies) or the value is already right.
    /// </summary>
    public bool SetPersistedWebuiUrl(string url)
    {
        RequireWritable("rewriting webui.url");
        if (!PersistedConfig.IsUrl(url)) throw new ArgumentException($"'{url}' is not an absolute http(s) URL", nameof(url));
        var config = ReadConfig();
        if (config is null || config.WebuiUrl == url) return false;
        var data = config.Data;
        if (data["webui"] is not JsonObject webui)
        {
            webui = new JsonObject();
            data["webui"] = webui;
        }

        webui["url"] = url;
        WriteConfig(config.RowId, data);
        return true;
    }

    /// <summary>
    /// Removes <c>webui.url</c> from the latest config row, so the environment's WEBUI_URL applies again. False when
    /// there was none.
    /// </summary>
    public bool RemovePersistedWebuiUrl()
    {
        RequireWritable("removing webui.url");
        var config = ReadConfig();
        if (config?.Data["webui"] is not JsonObject webui || !webui.Remove("url")) return false;
        WriteConfig(config.RowId, config.Data);
        return true;
    }

    /// <summary>
    /// Rewrites every persisted URL that starts with <paramref name="fromOrigin"/> (e.g. <c>https://dev.fixxit.ai</c>)
    /// to start with <paramref name="toOrigin"/> instead, keeping path and query. Returns what changed.
    /// </summary>
    public IReadOnlyList<PersistedUrlChange> RewritePersistedUrlOrigin(string fromOrigin, string toOrigin)
    {
        RequireWritable("rewriting persisted URLs");
        var from = Origin(fromOrigin);
        var to = Origin(toOrigin);
        var config = ReadConfig();
        if (config is null) return [];
        var changes = new List<PersistedUrlChange>();
        foreach (var found in config.Urls())
        {
            if (!Uri.TryCreate(found.Url, UriKind.Absolute, out var uri) || !string.Equals(uri.GetLeftPart(UriPartial.Authority), from, StringComparison.OrdinalIgnoreCase))
                continue;
            var rewritten = to + found.Url[from.Length..];
            SetAt(config.Data, found.Path, rewritten);
            changes.Add(new PersistedUrlChange(found.Path, found.Url, rewritten));
        }

        if (changes.Count > 0) WriteConfig(config.RowId, config.Data);
        return changes;
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; a corrupt file yields a failed result, not an exception.</summary>
    public IntegrityCheckResult CheckIntegrity()
    {
        try
        {
            using var command = Command("PRAGMA integrity_check");
            using var reader = command.ExecuteReader();
            var messages = new List<string>();
            while (reader.Read()) messages.Add(reader.GetString(0));
            return new IntegrityCheckResult(Path, messages);
        }
        catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) is 11 or 26)
        {
            return new IntegrityCheckResult(Path, [e.Message]);
        }
        catch (SqliteException e)
        {
            throw SqliteFailures.Explain(Path, "checking integrity", e);
        }
    }

    /// <summary>
    /// Copies the database with SQLite's online backup API (safe while the app writes, unlike <c>cp</c>), sets the copy to
    /// <c>journal_mode=DELETE</c> so it is one self-contained file, checks its integrity, and only then moves it to
    /// <paramref name="destinationPath"/>. Never overwrites: an existing destination is an error.
    /// </summary>
    public DatabaseBackup BackupTo(string destinationPath)
    {
        var destination = System.IO.Path.GetFullPath(destinationPath);
        if (File.Exists(destination)) throw new OpenWebUiDatabaseException(destination, "the backup target already exists; refusing to overwrite it");
        var directory = System.IO.Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(directory)) throw new OpenWebUiDatabaseException(destination, "the backup folder does not exist");
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var target = new SqliteConnection(ConnectionString(temp, SqliteOpenMode.ReadWriteCreate, DefaultBusyTimeout)))
            {
                SqliteFailures.Guard(Path, "backing it up", () =>
                {
                    target.Open();
                    _connection.BackupDatabase(target);
                    using var journal = target.CreateCommand();
                    journal.CommandText = "PRAGMA journal_mode=DELETE";
                    return journal.ExecuteScalar();
                });
            }

            IntegrityCheckResult integrity;
            using (var copy = OpenReadOnly(temp)) integrity = copy.CheckIntegrity() with { DatabasePath = destination };
            if (!integrity.IsOk) throw new OpenWebUiDatabaseException(destination, $"the backup copy failed its integrity check: {string.Join("; ", integrity.Messages.Take(3))}");
            File.Move(temp, destination, overwrite: false);
            return new DatabaseBackup(Path, destination, new FileInfo(destination).Length, integrity);
        }
        finally
        {
            foreach (var leftover in new[] { temp, temp + "-journal", temp + "-wal", temp + "-shm" })
            {
                if (File.Exists(leftover)) File.Delete(leftover);
            }
        }
    }

    /// <summary>
    /// The non-empty values of a column holding Fernet tokens (the fork's is <c>log_source.password_encrypted</c>), so a
    /// caller can prove each decrypts with a key. Table and column are checked against the schema.
    /// </summary>
    public IReadOnlyList<StoredToken> ReadTokens(string table, string column)
    {
        var columns = RequireColumns(table, column);
        var idColumn = columns.Contains("id") ? "id" : "rowid";
        return Guard($"reading {table}.{column}", () =>
        {
            using var command = Command($"SELECT {Quote(idColumn)}, {Quote(column)} FROM {Quote(table)} WHERE {Quote(column)} IS NOT NULL AND {Quote(column)} <> '' ORDER BY rowid");
            using var reader = command.ExecuteReader();
            var tokens = new List<StoredToken>();
            while (reader.Read())
            {
                var value = reader.GetValue(1);
                var token = value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
                tokens.Add(new StoredToken($"{idColumn}={reader.GetValue(0)}", token));
            }

            return tokens;
        });
    }

    /// <summary>Which stored tokens of a column decrypt with <paramref name="key"/> (no TTL: stored passwords do not expire).</summary>
    public TokenDecryptionReport VerifyTokens(string table, string column, FernetKey key)
    {
        var tokens = ReadTokens(table, column);
        var failed = tokens.Where(t => !Fernet.CanDecrypt(key, t.Token)).Select(t => t.Row).ToList();
        return new TokenDecryptionReport(table, column, key.Fingerprint, tokens.Count, failed);
    }

    public void Dispose() => _connection.Dispose();

    public override string ToString() => $"OpenWebUiDatabase({Path}, {(IsWritable ? "writable" : "read-only")})";

    private void WriteConfig(long rowId, JsonObject data) => Guard("writing the config table", () =>
    {
        using var command = Command("UPDATE config SET data = $data, updated_at = CURRENT_TIMESTAMP WHERE id = $id");
        command.Parameters.AddWithValue("$data", data.ToJsonString());
        command.Parameters.AddWithValue("$id", rowId);
        return command.ExecuteNonQuery();
    });

    private static void SetAt(JsonObject root, string path, string value)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot >= 0 ? path[..dot] : string.Empty;
        var last = dot >= 0 ? path[(dot + 1)..] : path;
        JsonNode container = parent.Length == 0 ? root : new PersistedConfig(0, root).Get(parent)!;
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            container[last] = value;
            return;
        }

        // name[1][2]: walk the array indexes after the property name.
        var node = container[last[..bracket]]!;
        var indexes = last[bracket..].Trim('[', ']').Split("][").Select(int.Parse).ToList();
        for (var i = 0; i < indexes.Count - 1; i++) node = node[indexes[i]]!;
        node[indexes[^1]] = value;
    }

    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new ArgumentException($"'{url}' is not an absolute http(s) URL", nameof(url));

    private void RequireWritable(string doing)
    {
        if (!IsWritable) throw new InvalidOperationException($"{Path} is open read-only; {doing} needs OpenWritable on a copy of the database");
    }

    private void RequireTable(string table)
    {
        if (!TableExists(table)) throw new OpenWebUiDatabaseException(Path, $"has no table '{table}'");
    }

    /// <summary>The table's columns, after checking the wanted ones exist.</summary>
    private HashSet<string> RequireColumns(string table, params string[] wanted)
    {
        RequireTable(table);
        var columns = Guard($"reading the columns of {table}", () =>
        {
            using var command = Command("SELECT name FROM pragma_table_info($table)");
            command.Parameters.AddWithValue("$table", table);
            using var reader = command.ExecuteReader();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read()) names.Add(reader.GetString(0));
            return names;
        });
        var missing = wanted.Where(w => !columns.Contains(w)).ToList();
        if (missing.Count > 0)
            throw new OpenWebUiDatabaseException(Path, $"table '{table}' has no column {string.Join(", ", missing.Select(m => $"'{m}'"))} (columns: {string.Join(", ", columns)})");
        return columns;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private T Guard<T>(string doing, Func<T> action) => SqliteFailures.Guard(Path, doing, action);

    /// <summary>An SQL identifier in double quotes, inner quotes doubled.</summary>
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
