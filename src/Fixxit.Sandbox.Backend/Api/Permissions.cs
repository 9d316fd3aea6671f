using System.Text.Json.Nodes;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>The shape of upstream's USER_PERMISSIONS (config.py DEFAULT_USER_PERMISSIONS, 0.6.43 defaults).</summary>
public static class Permissions
{
    public static JsonObject Default() => new()
    {
        ["workspace"] = Flags(false, "models", "knowledge", "prompts", "tools", "models_import", "models_export", "prompts_import", "prompts_export", "tools_import", "tools_export"),
        ["sharing"] = Flags(false, "models", "public_models", "knowledge", "public_knowledge", "prompts", "public_prompts", "tools", "public_tools", "notes", "public_notes"),
        ["chat"] = Merge(
            Flags(true, "controls", "valves", "system_prompt", "params", "file_upload", "delete", "delete_message", "continue_response", "regenerate_response",
                "rate_response", "edit", "share", "export", "stt", "tts", "call", "multiple_models", "temporary"),
            Flags(false, "temporary_enforced")),
        ["features"] = Merge(
            Flags(false, "api_keys", "direct_tool_servers"),
            Flags(true, "notes", "folders", "channels", "web_search", "image_generation", "code_interpreter")),
    };

    private static JsonObject Flags(bool value, params string[] names)
    {
        var obj = new JsonObject();
        foreach (var name in names) obj[name] = value;
        return obj;
    }

    private static JsonObject Merge(JsonObject a, JsonObject b)
    {
        foreach (var (k, v) in b.ToList())
        {
            b.Remove(k);
            a[k] = v;
        }

        return a;
    }
}
