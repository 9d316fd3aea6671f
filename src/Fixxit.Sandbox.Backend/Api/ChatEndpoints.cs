using System.Text;
using System.Text.Json.Nodes;
using Fixxit.Sandbox.Backend.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>GET /api/models, routers/chats.py's core routes and POST /api/chat/completions (answered by the echo model).</summary>
public static class ChatEndpoints
{
    public static void Map(WebApplication web)
    {
        foreach (var path in new[] { "/api/models", "/api/v1/models" })
        {
            web.MapGet(path, (HttpContext http, BackendContext app) =>
            {
                app.Sessions.Verified(http);
                return ApiJson.Ok(new { data = app.EnableOpenAiApi ? new[] { EchoModel.Describe() } : [] });
            });
        }

        web.MapPost("/api/v1/chats/new", async (HttpContext http, BackendContext app) =>
        {
            var user = app.Sessions.Verified(http);
            var form = await RequestBody.ReadAsync(http.Request);
            var chat = form.RequiredObj("chat");
            var folder = form.OptStr("folder_id");
            form.Validate();
            return ApiJson.Ok(app.Chats.Insert(user.Id, (JsonObject)chat.DeepClone(), folder));
        });

        foreach (var path in new[] { "/api/v1/chats/", "/api/v1/chats/list" })
        {
            web.MapGet(path, (HttpContext http, BackendContext app) =>
            {
                var user = app.Sessions.Verified(http);
                return ApiJson.Ok(app.Chats.Titles(user.Id, Query.Int(http.Request, "page")));
            });
        }

        web.MapGet("/api/v1/chats/{id}", (string id, HttpContext http, BackendContext app) =>
        {
            var user = app.Sessions.Verified(http);
            var chat = app.Chats.Get(id);
            return chat is not null && chat.UserId == user.Id ? ApiJson.Ok(chat) : throw ApiException.Unauthorized(ErrorMessages.NotFound);
        });

        web.MapPost("/api/v1/chats/{id}", async (string id, HttpContext http, BackendContext app) =>
        {
            var user = app.Sessions.Verified(http);
            var form = await RequestBody.ReadAsync(http.Request);
            var changes = form.RequiredObj("chat");
            form.Validate();
            var chat = app.Chats.Get(id);
            if (chat is null || chat.UserId != user.Id) throw ApiException.Unauthorized(ErrorMessages.NotFound);
            return ApiJson.Ok(app.Chats.Merge(id, changes));
        });

        web.MapDelete("/api/v1/chats/{id}", (string id, HttpContext http, BackendContext app) =>
        {
            var user = app.Sessions.Verified(http);
            var chat = app.Chats.Get(id);
            if (user.Role == Roles.Admin) return ApiJson.Ok(chat is not null && app.Chats.Delete(id));
            if (chat is null || chat.UserId != user.Id) return ApiJson.Ok(false);
            return ApiJson.Ok(app.Chats.Delete(id));
        });

        foreach (var path in new[] { "/api/chat/completions", "/api/v1/chat/completions" }) web.MapPost(path, Completion);
    }

    private static async Task<IResult> Completion(HttpContext http, BackendContext app)
    {
        var user = app.Sessions.Verified(http);
        var form = await RequestBody.ReadAsync(http.Request);
        form.Validate();
        var model = form.OptStr("model");
        if (model != EchoModel.Id || !app.EnableOpenAiApi) throw ApiException.BadRequest(ErrorMessages.ModelNotFound);
        if (form.OptStr("chat_id") is { } chatId && !chatId.StartsWith("local:", StringComparison.Ordinal) && user.Role != Roles.Admin)
        {
            var chat = app.Chats.Get(chatId);
            if (chat is null || chat.UserId != user.Id) throw new ApiException(404, ErrorMessages.NotFound);
        }

        var text = EchoModel.Reply(EchoModel.LastUserText(form.Node("messages") as JsonArray));
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = app.Time.GetUtcNow().ToUnixTimeSeconds();
        var usage = new JsonObject { ["prompt_tokens"] = text.Length / 4, ["completion_tokens"] = text.Length / 4, ["total_tokens"] = text.Length / 2 };
        if (form.Node("stream") is JsonValue s && s.TryGetValue<bool>(out var stream) && stream) return Results.Text(Sse(id, created, text), "text/event-stream", Encoding.UTF8);
        return ApiJson.Ok(new JsonObject
        {
            ["id"] = id, ["object"] = "chat.completion", ["created"] = created, ["model"] = EchoModel.Id,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["logprobs"] = null, ["finish_reason"] = "stop",
            }),
            ["usage"] = usage,
        });
    }

    /// <summary>OpenAI's streaming form: role chunk, content chunk, finish chunk, then [DONE].</summary>
    private static string Sse(string id, long created, string text)
    {
        var sb = new StringBuilder();
        void Chunk(JsonObject delta, string? finish) => sb.Append("data: ").Append(new JsonObject
        {
            ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = EchoModel.Id,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        }.ToJsonString()).Append("\n\n");
        Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        Chunk(new JsonObject { ["content"] = text }, null);
        Chunk(new JsonObject(), "stop");
        return sb.Append("data: [DONE]\n\n").ToString();
    }
}
