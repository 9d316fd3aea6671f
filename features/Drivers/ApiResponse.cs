using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fixxit.Checklist.Features.Drivers;

/// <summary>One HTTP answer: status, raw body, and the body as JSON when it is JSON.</summary>
public sealed record ApiResponse(string Method, Uri Url, int Status, string Body)
{
    public JsonNode? Json { get; } = TryParse(Body);

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Open WebUI's error text (<c>{"detail": "..."}</c>) or the start of the body.</summary>
    public string Detail => Json is JsonObject o && o["detail"] is JsonValue d && d.TryGetValue<string>(out var s)
        ? s
        : Body.Length > 200 ? Body[..200] + "…" : Body;

    public override string ToString() => $"{Method} {Url.AbsolutePath} → {Status} {Detail}";

    private static JsonNode? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
