using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>The stand-in's only model: it answers with the last user message, so a chat round trip is checkable.</summary>
public static class EchoModel
{
    public const string Id = "echo";
    public const string Name = "Echo";
    private const long Created = 1735689600; // fixed, like a model file's mtime

    public static JsonObject Describe() => new()
    {
        ["id"] = Id, ["name"] = Name, ["object"] = "model", ["created"] = Created, ["owned_by"] = "openai", ["connection_type"] = "local",
        ["openai"] = new JsonObject { ["id"] = Id, ["object"] = "model", ["created"] = Created, ["owned_by"] = "sandbox" },
        ["urlIdx"] = 0, ["actions"] = new JsonArray(), ["filters"] = new JsonArray(), ["tags"] = new JsonArray(),
        ["info"] = new JsonObject { ["meta"] = new JsonObject { ["description"] = "Sandbox model that repeats your last message." } },
    };

    public static string Reply(string lastUserMessage) => $"Echo: {lastUserMessage}";

    /// <summary>The text of the last user message; content may be a string or OpenAI content parts.</summary>
    public static string LastUserText(JsonArray? messages)
    {
        var last = messages?.OfType<JsonObject>().LastOrDefault(m => m["role"]?.GetValue<string>() == "user");
        return last?["content"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonArray parts => string.Concat(parts.OfType<JsonObject>().Where(p => p["type"]?.GetValue<string>() == "text").Select(p => p["text"]?.GetValue<string>())),
            _ => string.Empty,
        };
    }
}
