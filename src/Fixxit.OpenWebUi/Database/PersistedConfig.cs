using System.Text.Json.Nodes;

namespace Fixxit.OpenWebUi.Database;

/// <summary>
/// Open WebUI's persisted settings: the JSON blob in the latest row of the <c>config</c> table (0.5/0.6 layout).
/// Settings saved here win over <c>.env</c> while <c>ENABLE_PERSISTENT_CONFIG</c> is true (the default), which is why a
/// copied database carries the source's <c>webui.url</c>.
/// </summary>
public sealed class PersistedConfig
{
    private readonly JsonObject _data;

    internal PersistedConfig(long rowId, JsonObject data)
    {
        RowId = rowId;
        _data = data;
    }

    /// <summary>
    /// The settings from a config row's JSON read elsewhere (e.g. by <c>sqlite3</c> on the host); null for no text or
    /// text that is not a JSON object. <see cref="RowId"/> is 0: the row is not known.
    /// </summary>
    public static PersistedConfig? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonNode.Parse(json) is JsonObject data ? new PersistedConfig(0, data) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>config.id</c> of the row read (the latest).</summary>
    public long RowId { get; }

    /// <summary><c>webui.url</c>: the WEBUI_URL the app uses for invitation and OAuth links; null when never saved.</summary>
    public string? WebuiUrl => GetString("webui.url");

    /// <summary><c>ui.enable_signup</c>; Open WebUI turns it off after the first signup.</summary>
    public bool? EnableSignup => Get("ui.enable_signup") is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>The JSON text, as a copy (secrets such as API keys may be in it: mask before printing).</summary>
    public string ToJson() => _data.ToJsonString();

    /// <summary>The node at a dotted path (<c>a.b.c</c>; <c>name[0]</c> indexes an array), or null.</summary>
    public JsonNode? Get(string path)
    {
        JsonNode? node = _data;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0 && part.EndsWith(']') && int.TryParse(part[(bracket + 1)..^1], out var i))
            {
                name = part[..bracket];
                index = i;
            }

            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            if (index is { } at) node = node is JsonArray array && at < array.Count ? array[at] : null;
            if (node is null) return null;
        }

        return node;
    }

    public string? GetString(string path) => Get(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Every string value anywhere in the JSON that is an absolute http(s)/ws(s) URL, with its path.</summary>
    public IReadOnlyList<PersistedUrl> Urls()
    {
        var found = new List<PersistedUrl>();
        Walk(_data, string.Empty, (path, value) =>
        {
            if (IsUrl(value)) found.Add(new PersistedUrl(path, value));
        });
        return found;
    }

    internal JsonObject Data => _data;

    internal static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss";

    internal static void Walk(JsonNode? node, string path, Action<string, string> onString)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj) Walk(child, path.Length == 0 ? name : $"{path}.{name}", onString);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", onString);
                break;
            case JsonValue value when value.TryGetValue<string>(out var s):
                onString(path, s);
                break;
        }
    }
}
