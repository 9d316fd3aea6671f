using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>The <c>chat</c> table; the conversation itself is the JSON <c>chat</c> column.</summary>
public sealed class ChatStore(Db db)
{
    public const int PageItemCount = 60;

    public ChatModel Insert(string userId, JsonObject chat, string? folderId)
    {
        using var c = db.Open();
        var id = Insert(c, userId, chat, folderId, Clock.Now());
        return GetRow(c, id)!;
    }

    public static string Insert(SqliteConnection c, string userId, JsonObject chat, string? folderId, long now)
    {
        var id = Clock.NewId();
        var title = chat["title"] is JsonValue t && t.TryGetValue<string>(out var s) && s.Length > 0 ? s : "New Chat";
        c.Execute("""
            INSERT INTO chat (id, user_id, title, share_id, archived, created_at, updated_at, chat, pinned, meta, folder_id)
            VALUES ($id, $u, $t, NULL, 0, $now, $now, $chat, 0, '{}', $f)
            """, ("$id", id), ("$u", userId), ("$t", title), ("$now", now), ("$chat", chat.ToJsonString()), ("$f", folderId));
        return id;
    }

    /// <summary>Titles of the user's chats, newest first; pinned, archived and foldered chats are left out, as upstream's default.</summary>
    public List<ChatTitle> Titles(string userId, int? page)
    {
        var paging = page is { } p ? $"LIMIT {PageItemCount} OFFSET {(Math.Max(p, 1) - 1) * PageItemCount}" : "";
        using var c = db.Open();
        return c.Query($"""
            SELECT id, title, updated_at, created_at FROM chat
            WHERE user_id = $u AND archived = 0 AND coalesce(pinned, 0) = 0 AND folder_id IS NULL
            ORDER BY updated_at DESC, rowid DESC {paging}
            """, r => new ChatTitle(r.Str("id"), r.Str("title"), r.Long("updated_at"), r.Long("created_at")), ("$u", userId));
    }

    public ChatModel? Get(string id)
    {
        using var c = db.Open();
        return GetRow(c, id);
    }

    /// <summary>As update_chat_by_id after merging: the stored chat JSON gets every key of <paramref name="changes"/>.</summary>
    public ChatModel? Merge(string id, JsonObject changes)
    {
        using var c = db.Open();
        var current = GetRow(c, id);
        if (current is null) return null;
        var merged = current.Chat.DeepClone().AsObject();
        foreach (var (key, value) in changes) merged[key] = value?.DeepClone();
        var title = merged["title"] is JsonValue t && t.TryGetValue<string>(out var s) && s.Length > 0 ? s : current.Title;
        c.Execute("UPDATE chat SET chat = $chat, title = $t, updated_at = $now WHERE id = $id",
            ("$chat", merged.ToJsonString()), ("$t", title), ("$now", Clock.Now()), ("$id", id));
        return GetRow(c, id);
    }

    public bool Delete(string id)
    {
        using var c = db.Open();
        return c.Execute("DELETE FROM chat WHERE id = $id", ("$id", id)) > 0;
    }

    private static ChatModel? GetRow(SqliteConnection c, string id) =>
        c.Query("SELECT * FROM chat WHERE id = $id", r => new ChatModel
        {
            Id = r.Str("id"), UserId = r.Str("user_id"), Title = r.Str("title"), Chat = UserStore.Json(r.StringOrNull("chat")) ?? new JsonObject(),
            UpdatedAt = r.Long("updated_at"), CreatedAt = r.Long("created_at"), ShareId = r.StringOrNull("share_id"),
            Archived = r.Long("archived") != 0, Pinned = (r.LongOrNull("pinned") ?? 0) != 0, Meta = UserStore.Json(r.StringOrNull("meta")),
            FolderId = r.StringOrNull("folder_id"),
        }, ("$id", id)).FirstOrDefault();
}
