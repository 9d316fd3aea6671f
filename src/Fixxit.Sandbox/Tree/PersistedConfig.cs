using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Tree;

/// <summary>
/// Open WebUI's persisted <c>webui.url</c> (the latest row of the <c>config</c> table, a JSON blob), read and written
/// directly in a sandbox environment's <c>webui.db</c>. The DB value wins over <c>WEBUI_URL</c> in .env.
/// </summary>
public static class PersistedConfig
{
    /// <summary>The persisted <c>webui.url</c>, or null when the database has none.</summary>
    public static string? ReadWebuiUrl(string databasePath)
    {
        using var connection = Open(databasePath);
        return Load(connection)?["webui"]?["url"]?.GetValue<string>();
    }

    /// <summary>Sets (or, for null, removes) <c>webui.url</c> in one transaction; returns the value it replaced.</summary>
    public static string? WriteWebuiUrl(string databasePath, string? url)
    {
        using var connection = Open(databasePath);
        using var transaction = connection.BeginTransaction();
        var data = Load(connection) ?? new JsonObject { ["version"] = 0 };
        if (data["webui"] is not JsonObject webui)
        {
            webui = new JsonObject();
            data["webui"] = webui;
        }

        var previous = webui["url"]?.GetValue<string>();
        if (url is null) webui.Remove("url");
        else webui["url"] = url;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM config ORDER BY id DESC LIMIT 1";
        var id = command.ExecuteScalar();
        command.CommandText = id is null
            ? "INSERT INTO config (data, version, created_at, updated_at) VALUES ($data, 0, $now, $now)"
            : "UPDATE config SET data = $data, updated_at = $now WHERE id = $id";
        command.Parameters.AddWithValue("$data", data.ToJsonString());
        command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture));
        if (id is not null) command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
        transaction.Commit();
        return previous;
    }

    private static SqliteConnection Open(string path)
    {
        if (!File.Exists(path)) throw new SandboxException($"database {path} does not exist (is the environment provisioned?)");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static JsonObject? Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM config ORDER BY id DESC LIMIT 1";
        return command.ExecuteScalar() is string text ? JsonNode.Parse(text) as JsonObject : null;
    }
}
