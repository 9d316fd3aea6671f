using System.Text.Json;
using Fixxit.Nightly.Alerts;
using Fixxit.Nightly.History;

namespace Fixxit.Nightly.Settings;

/// <summary>
/// Reads and writes <c>nightly.json</c>. Every error names the file and the setting (or the JSON line), and relative
/// paths are resolved against the file's folder so a systemd unit can start from anywhere.
/// </summary>
public static class NightlyConfigFile
{
    public static NightlyConfig Read(string path)
    {
        if (!File.Exists(path)) throw new NightlyConfigException($"{path}: no such settings file");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NightlyConfigException($"{path}: line {e.LineNumber + 1}: not valid JSON ({e.Message})");
        }

        using (document)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new NightlyConfigException($"{path}: the settings must be one JSON object");
            var known = new HashSet<string>(StringComparer.Ordinal)
            {
                "topology", "slot", "sandboxRoot", "historyDatabase", "reportsDirectory", "reportBaseUrl", "retry",
                "failuresBeforeAlert", "remindEveryRuns", "keepRuns", "keepDays", "webhooks", "slackWebhooks", "email",
            };
            foreach (var property in root.EnumerateObject())
            {
                if (!known.Contains(property.Name)) throw new NightlyConfigException($"{path}: unknown setting \"{property.Name}\" (known: {string.Join(", ", known)})");
            }

            var reader = new Reader(path, root);
            var config = new NightlyConfig
            {
                Topology = reader.Text("topology") ?? "sandbox",
                Slot = reader.Number("slot") ?? 0,
                SandboxRoot = reader.Path("sandboxRoot", folder),
                HistoryDatabase = reader.Path("historyDatabase", folder) ?? throw new NightlyConfigException($"{path}: \"historyDatabase\" is required"),
                ReportsDirectory = reader.Path("reportsDirectory", folder) ?? throw new NightlyConfigException($"{path}: \"reportsDirectory\" is required"),
                ReportBaseUrl = reader.Text("reportBaseUrl"),
                Retry = reader.Flag("retry") ?? true,
                Policy = new AlertPolicy(reader.Number("failuresBeforeAlert") ?? 1, reader.Number("remindEveryRuns") ?? 0),
                Retention = new Retention(reader.Number("keepRuns") ?? Retention.Default.MaxRuns, TimeSpan.FromDays(reader.Number("keepDays") ?? Retention.Default.MaxAge.TotalDays)),
                Webhooks = reader.Webhooks("webhooks"),
                SlackWebhooks = reader.Webhooks("slackWebhooks"),
                Email = reader.Email("email"),
            };
            Check(path, config);
            return config;
        }
    }

    public static void Check(string path, NightlyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Topology is not ("sandbox" or "fixxit")) throw new NightlyConfigException($"{path}: \"topology\" is \"{config.Topology}\"; expected sandbox or fixxit");
        if (config.Slot is < 0 or > 9) throw new NightlyConfigException($"{path}: \"slot\" is {config.Slot}; sandbox slots are 0-9");
        if (config.Policy.FailuresBeforeAlert < 1) throw new NightlyConfigException($"{path}: \"failuresBeforeAlert\" must be at least 1");
        if (config.Policy.RemindEveryRuns < 0) throw new NightlyConfigException($"{path}: \"remindEveryRuns\" must be 0 (never) or more");
        if (config.Retention.MaxRuns < 1) throw new NightlyConfigException($"{path}: \"keepRuns\" must be at least 1");
        if (config.Retention.MaxAge <= TimeSpan.Zero) throw new NightlyConfigException($"{path}: \"keepDays\" must be more than 0");
        // Report folders go to stakeholders: the history database must never be inside one.
        var reports = Path.GetFullPath(config.ReportsDirectory).TrimEnd('/') + "/";
        if (Path.GetFullPath(config.HistoryDatabase).StartsWith(reports, StringComparison.Ordinal))
            throw new NightlyConfigException($"{path}: \"historyDatabase\" ({config.HistoryDatabase}) is inside \"reportsDirectory\"; report folders never hold a database file");
    }

    /// <summary>Writes a settings file (mode 0600: it names where alerts go) atomically.</summary>
    public static void Write(string path, NightlyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["topology"] = config.Topology,
            ["slot"] = config.Slot,
            ["sandboxRoot"] = config.SandboxRoot,
            ["historyDatabase"] = config.HistoryDatabase,
            ["reportsDirectory"] = config.ReportsDirectory,
            ["reportBaseUrl"] = config.ReportBaseUrl,
            ["retry"] = config.Retry,
            ["failuresBeforeAlert"] = config.Policy.FailuresBeforeAlert,
            ["remindEveryRuns"] = config.Policy.RemindEveryRuns,
            ["keepRuns"] = config.Retention.MaxRuns,
            ["keepDays"] = (int)config.Retention.MaxAge.TotalDays,
            ["webhooks"] = config.Webhooks.Select(w => new { name = w.Name, urlVariable = w.UrlVariable }),
            ["slackWebhooks"] = config.SlackWebhooks.Select(w => new { name = w.Name, urlVariable = w.UrlVariable }),
            ["email"] = config.Email is { } e
                ? new { host = e.Host, port = e.Port, from = e.From, to = e.To, security = e.Security, user = e.User, passwordVariable = e.PasswordVariable }
                : null,
        }, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        PrivateFile.WriteAtomically(path, json + "\n");
    }

    private sealed class Reader(string path, JsonElement root)
    {
        public string? Text(string name) => Get(name) is { } v
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw Wrong(name, "a string")
            : null;

        public int? Number(string name) => Get(name) is { } v
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : throw Wrong(name, "a whole number")
            : null;

        public bool? Flag(string name) => Get(name) is { } v
            ? v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw Wrong(name, "true or false")
            : null;

        public string? Path(string name, string folder) => Text(name) is { } p ? System.IO.Path.GetFullPath(p, folder) : null;

        public IReadOnlyList<NightlyConfig.WebhookTarget> Webhooks(string name)
        {
            if (Get(name) is not { } v) return [];
            if (v.ValueKind != JsonValueKind.Array) throw Wrong(name, "a list of { \"name\", \"urlVariable\" }");
            return [.. v.EnumerateArray().Select((w, i) => new NightlyConfig.WebhookTarget(
                Field(w, $"{name}[{i}]", "name"),
                Field(w, $"{name}[{i}]", "urlVariable")))];
        }

        public NightlyConfig.EmailTarget? Email(string name)
        {
            if (Get(name) is not { } v) return null;
            if (v.ValueKind != JsonValueKind.Object) throw Wrong(name, "an object");
            var port = v.TryGetProperty("port", out var p) && p.TryGetInt32(out var n) ? n : throw new NightlyConfigException($"{path}: \"{name}.port\" is required (a whole number)");
            var to = v.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray()
                : throw new NightlyConfigException($"{path}: \"{name}.to\" is required (a list of addresses)");
            var security = Optional(v, "security") ?? "starttls-when-available";
            if (EmailSecurity.Parse(security) is null) throw new NightlyConfigException($"{path}: \"{name}.security\" is \"{security}\"; expected {EmailSecurity.Names}");
            return new NightlyConfig.EmailTarget(Field(v, name, "host"), port, Field(v, name, "from"), to, security, Optional(v, "user"), Optional(v, "passwordVariable"));
        }

        private JsonElement? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        private string Field(JsonElement e, string where, string field) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s
                : throw new NightlyConfigException($"{path}: \"{where}.{field}\" is required (a string)");

        private static string? Optional(JsonElement e, string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private NightlyConfigException Wrong(string name, string expected) => new($"{path}: \"{name}\" must be {expected}");
    }
}
