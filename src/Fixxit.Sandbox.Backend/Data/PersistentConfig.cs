using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>
/// Upstream's <c>config</c> table: one row whose <c>data</c> column is a JSON blob addressed by dotted paths
/// (<c>webui.url</c>, <c>ui.enable_signup</c>, ...). With ENABLE_PERSISTENT_CONFIG (the default) a value stored here
/// wins over the environment variable of the same setting.
/// </summary>
public sealed class PersistentConfig(Db db)
{
    public const string WebUiUrl = "webui.url";
    public const string EnableSignup = "ui.enable_signup";
    public const string DefaultUserRole = "ui.default_user_role";

    /// <summary>Upstream config.py: ENABLE_OPENAI_API = PersistentConfig("ENABLE_OPENAI_API", "openai.enable", …).</summary>
    public const string EnableOpenAiApi = "openai.enable";

    public JsonObject Load()
    {
        using var connection = db.Open();
        return Load(connection);
    }

    public static JsonObject Load(SqliteConnection connection)
    {
        var text = connection.Scalar<string>("SELECT data FROM config ORDER BY id DESC LIMIT 1");
        return text is null ? new JsonObject { ["version"] = 0, ["ui"] = new JsonObject() } : JsonNode.Parse(text)!.AsObject();
    }

    public JsonNode? Get(string path) => Navigate(Load(), path);

    public string? GetString(string path) => Get(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool? GetBool(string path) => Get(path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>Sets one path and saves the whole blob, as PersistentConfig.save() does.</summary>
    public void Set(string path, JsonNode? value)
    {
        using var connection = db.Open();
        Set(connection, path, value);
    }

    public static void Set(SqliteConnection connection, string path, JsonNode? value)
    {
        var data = Load(connection);
        var parts = path.Split('.');
        var node = data;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
        Save(connection, data);
    }

    private static void Save(SqliteConnection connection, JsonObject data)
    {
        var json = data.ToJsonString();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        var id = connection.Scalar<long?>("SELECT id FROM config ORDER BY id DESC LIMIT 1");
        if (id is null) connection.Execute("INSERT INTO config (data, version, created_at, updated_at) VALUES ($d, 0, $n, $n)", ("$d", json), ("$n", now));
        else connection.Execute("UPDATE config SET data = $d, updated_at = $n WHERE id = $id", ("$d", json), ("$n", now), ("$id", id));
    }

    private static JsonNode? Navigate(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node)) return null;
        }

        return node;
    }
}
