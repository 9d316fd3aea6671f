using System.Text;
using System.Text.Json.Nodes;

namespace Fixxit.Evidence.Traces;

/// <summary>
/// Masks the network log of a Playwright trace (<c>*.network</c>: one JSON event per line, HAR-like
/// <c>resource-snapshot</c> entries). Kept: method, URL, status, timings, header names, and the bodies a DOM snapshot
/// needs to render (stylesheets, images, fonts). Removed: values of credential headers and cookies, every request body,
/// every other response body (API JSON carries tokens and people's data).
/// </summary>
public static class TraceNetworkMasking
{
    public const string Masked = "***masked***";

    public const string RemovedBody = "***body removed from the report copy***";

    private static readonly string[] SensitiveHeaderParts = ["authorization", "cookie", "token", "secret", "password", "api-key", "apikey", "session"];

    private static readonly string[] SensitiveQueryParts = ["token", "secret", "password", "key", "code", "session", "auth"];

    private static readonly string[] KeptBodyTypes = ["text/css", "image/", "font/", "application/font", "application/x-font"];

    /// <summary>The masked text; resource entries whose bodies were removed are added to <paramref name="droppedEntries"/>.</summary>
    public static string Mask(string network, ISet<string> droppedEntries)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(droppedEntries);
        var output = new StringBuilder(network.Length);
        foreach (var line in network.Split('\n'))
        {
            if (line.Length == 0) continue;
            output.Append(MaskEvent(line, droppedEntries)).Append('\n');
        }

        return output.ToString();
    }

    private static string MaskEvent(string line, ISet<string> dropped)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return Masked; // a line that cannot be read cannot be proven clean
        }

        if (node?["snapshot"] is not JsonObject snapshot) return line;
        if (snapshot["request"] is JsonObject request)
        {
            MaskHeaders(request["headers"]);
            MaskCookies(request["cookies"]);
            MaskQuery(request["queryString"]);
            if ((string?)request["url"] is { } url) request["url"] = MaskUrl(url);
            if (request["postData"] is JsonObject postData)
            {
                DropBody(postData, dropped);
                postData["text"] = RemovedBody;
                postData.Remove("params");
            }
        }

        if (snapshot["response"] is JsonObject response)
        {
            MaskHeaders(response["headers"]);
            MaskCookies(response["cookies"]);
            if (response["content"] is JsonObject content && !KeepsBody((string?)content["mimeType"]))
            {
                DropBody(content, dropped);
                if (content.ContainsKey("text")) content["text"] = RemovedBody;
            }
        }

        return node.ToJsonString();
    }

    private static bool KeepsBody(string? mimeType) =>
        mimeType is not null && KeptBodyTypes.Any(t => mimeType.StartsWith(t, StringComparison.OrdinalIgnoreCase))
        && !mimeType.Contains("svg", StringComparison.OrdinalIgnoreCase); // SVG is text and may carry anything

    /// <summary>Removes the body's reference (<c>_sha1</c> or <c>_file</c>) and remembers the resource entry to leave out.</summary>
    private static void DropBody(JsonObject holder, ISet<string> dropped)
    {
        foreach (var key in new[] { "_sha1", "_file" })
        {
            if ((string?)holder[key] is not { } reference) continue;
            dropped.Add(reference.StartsWith("resources/", StringComparison.Ordinal) ? reference : "resources/" + reference);
            holder.Remove(key);
        }
    }

    private static void MaskHeaders(JsonNode? headers)
    {
        foreach (var header in (headers as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = ((string?)header["name"] ?? string.Empty).ToLowerInvariant();
            if (SensitiveHeaderParts.Any(name.Contains)) header["value"] = Masked;
        }
    }

    private static void MaskCookies(JsonNode? cookies)
    {
        foreach (var cookie in (cookies as JsonArray ?? []).OfType<JsonObject>())
        {
            if (cookie.ContainsKey("value")) cookie["value"] = Masked;
        }
    }

    /// <summary>The URL with the values of credential-like query parameters masked.</summary>
    public static string MaskUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0) return url;
        var end = url.IndexOf('#', question);
        var query = end < 0 ? url[(question + 1)..] : url[(question + 1)..end];
        var parts = query.Split('&').Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? part : part[..equals]).ToLowerInvariant();
            return equals >= 0 && SensitiveQueryParts.Any(name.Contains) ? part[..(equals + 1)] + Masked : part;
        });
        return url[..(question + 1)] + string.Join('&', parts) + (end < 0 ? string.Empty : url[end..]);
    }

    private static void MaskQuery(JsonNode? query)
    {
        foreach (var parameter in (query as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = ((string?)parameter["name"] ?? string.Empty).ToLowerInvariant();
            if (SensitiveQueryParts.Any(name.Contains)) parameter["value"] = Masked;
        }
    }
}
