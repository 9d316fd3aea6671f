using System.Text.Json;
using System.Text.Json.Nodes;
using Fixxit.Sandbox.Backend.Auth;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>
/// A JSON request body checked like a pydantic form: missing or wrongly typed fields are collected and answered as
/// FastAPI's 422 <c>{"detail":[{"type","loc":["body",field],"msg","input"}]}</c>.
/// </summary>
public sealed class RequestBody
{
    private readonly JsonObject _body;
    private readonly List<object> _errors = [];

    private RequestBody(JsonObject body) => _body = body;

    public JsonObject Raw => _body;

    public static async Task<RequestBody> ReadAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (node is JsonObject obj) return new RequestBody(obj);
            throw Unprocessable(new { type = "model_attributes_type", loc = new[] { "body" }, msg = "Input should be a valid dictionary or object to extract fields from", input = node });
        }
        catch (JsonException)
        {
            throw Unprocessable(new { type = "json_invalid", loc = new object[] { "body", 0 }, msg = "JSON decode error", input = new { }, ctx = new { error = "Expecting value" } });
        }
    }

    public string Str(string name)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null)
        {
            _errors.Add(new { type = "missing", loc = new[] { "body", name }, msg = "Field required", input = _body });
            return string.Empty;
        }

        return AsString(name, node) ?? string.Empty;
    }

    public string? OptStr(string name, string? fallback = null) =>
        _body.TryGetPropertyValue(name, out var node) && node is not null ? AsString(name, node) : fallback;

    public JsonNode? Node(string name) => _body.TryGetPropertyValue(name, out var node) ? node : null;

    public JsonObject? Obj(string name)
    {
        var node = Node(name);
        if (node is null or JsonObject) return node as JsonObject;
        _errors.Add(new { type = "dict_type", loc = new[] { "body", name }, msg = "Input should be a valid dictionary", input = node });
        return null;
    }

    /// <summary>A required JSON object field (missing → "Field required", not an object → "dict_type").</summary>
    public JsonObject RequiredObj(string name)
    {
        if (Node(name) is null)
        {
            _errors.Add(new { type = "missing", loc = new[] { "body", name }, msg = "Field required", input = _body });
            return new JsonObject();
        }

        return Obj(name) ?? new JsonObject();
    }

    public List<string> StrList(string name)
    {
        if (Node(name) is not JsonArray array) return [];
        return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
    }

    /// <summary>Throws the 422 when any field failed.</summary>
    public void Validate()
    {
        if (_errors.Count > 0) throw new ApiException(422, "validation") { Detail = _errors.ToArray() };
    }

    private string? AsString(string name, JsonNode node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        _errors.Add(new { type = "string_type", loc = new[] { "body", name }, msg = "Input should be a valid string", input = node });
        return null;
    }

    private static ApiException Unprocessable(object error) => new(422, "validation") { Detail = new[] { error } };
}
