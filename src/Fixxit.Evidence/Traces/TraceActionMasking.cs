using System.Text;
using System.Text.Json.Nodes;

namespace Fixxit.Evidence.Traces;

/// <summary>
/// Masks the action log of a Playwright trace (<c>*.trace</c>: one JSON event per line). Removed: the text of every
/// typing action (a password typed into a field is an action parameter), init scripts and extra headers (this product
/// signs pages in with a token through an init script), cookie values, and the value of every form field in DOM
/// snapshots (Playwright records an input's current value as <c>__playwright_value_</c>). Screencast frames are
/// dropped with their images: a picture of a page cannot be searched for a secret.
/// </summary>
public static class TraceActionMasking
{
    private const string Masked = TraceNetworkMasking.Masked;

    private static readonly HashSet<string> TypingMethods = new(StringComparer.Ordinal) { "fill", "type", "pressSequentially", "insertText" };

    private static readonly HashSet<string> FormTags = new(StringComparer.OrdinalIgnoreCase) { "INPUT", "TEXTAREA", "SELECT" };

    /// <summary>Input types whose value is a label, not something a person typed.</summary>
    private static readonly HashSet<string> LabelInputTypes = new(StringComparer.OrdinalIgnoreCase) { "checkbox", "radio", "submit", "button", "reset", "image", "range", "color" };

    public static string Mask(string trace, ISet<string> droppedEntries)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(droppedEntries);
        var output = new StringBuilder(trace.Length);
        foreach (var line in trace.Split('\n'))
        {
            if (line.Length == 0) continue;
            var masked = MaskEvent(line, droppedEntries);
            if (masked is not null) output.Append(masked).Append('\n');
        }

        return output.ToString();
    }

    /// <returns>The masked event, or null when the event is left out.</returns>
    private static string? MaskEvent(string line, ISet<string> dropped)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // unreadable: cannot be proven clean
        }

        if (node is not JsonObject evt) return line;
        switch ((string?)evt["type"])
        {
            case "screencast-frame":
                if ((string?)evt["sha1"] is { } frame) dropped.Add("resources/" + frame);
                return null;
            case "before":
                MaskParameters((string?)evt["method"], evt["params"] as JsonObject);
                break;
            case "frame-snapshot":
                MaskFormValues(evt["snapshot"]?["html"]);
                break;
        }

        return evt.ToJsonString();
    }

    private static void MaskParameters(string? method, JsonObject? parameters)
    {
        if (parameters is null || method is null) return;
        if (TypingMethods.Contains(method))
        {
            foreach (var key in new[] { "value", "text" })
            {
                if (parameters.ContainsKey(key)) parameters[key] = Masked;
            }
        }
        else if (method is "addInitScript" && parameters.ContainsKey("source"))
        {
            parameters["source"] = Masked;
        }
        else if (method is "setExtraHTTPHeaders" && parameters["headers"] is JsonArray headers)
        {
            foreach (var header in headers.OfType<JsonObject>()) header["value"] = Masked;
        }
        else if (method is "addCookies" && parameters["cookies"] is JsonArray cookies)
        {
            foreach (var cookie in cookies.OfType<JsonObject>()) cookie["value"] = Masked;
        }
    }

    /// <summary>Walks a snapshot's node tree (<c>[tag, {attributes}, ...children]</c>) and masks form-field values.</summary>
    private static void MaskFormValues(JsonNode? node)
    {
        if (node is not JsonArray array) return;
        if (array.Count >= 2 && array[0] is JsonValue tag && tag.TryGetValue<string>(out var name) && FormTags.Contains(name)
            && array[1] is JsonObject attributes && !LabelInputTypes.Contains((string?)attributes["type"] ?? string.Empty))
        {
            foreach (var key in new[] { "__playwright_value_", "value" })
            {
                if (attributes.ContainsKey(key)) attributes[key] = Masked;
            }
        }

        foreach (var child in array) MaskFormValues(child);
    }
}
