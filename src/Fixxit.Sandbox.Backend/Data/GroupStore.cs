using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>
/// <c>group</c> and <c>group_member</c> (upstream 0.6.37+), and the fork's <c>group_manager</c>: which users with the
/// <c>manager</c> role manage which groups.
/// </summary>
public sealed class GroupStore(Db db)
{
    private const string Select = """
        SELECT g.id, g.user_id, g.name, g.description, g.data, g.meta, g.permissions, g.created_at, g.updated_at,
               (SELECT count(*) FROM group_member m WHERE m.group_id = g.id) AS member_count
        FROM "group" g
        """;

    public List<GroupModel> All()
    {
        using var c = db.Open();
        return c.Query($"{Select} ORDER BY g.name", Map);
    }

    public List<GroupModel> WithMember(string userId)
    {
        using var c = db.Open();
        return c.Query($"{Select} WHERE g.id IN (SELECT group_id FROM group_member WHERE user_id = $u) ORDER BY g.name", Map, ("$u", userId));
    }

    public List<GroupModel> ManagedBy(string userId)
    {
        using var c = db.Open();
        return c.Query($"{Select} WHERE g.id IN (SELECT group_id FROM group_manager WHERE user_id = $u) ORDER BY g.name", Map, ("$u", userId));
    }

    public bool IsManager(string groupId, string userId)
    {
        using var c = db.Open();
        return c.Scalar<long>("SELECT count(*) FROM group_manager WHERE group_id = $g AND user_id = $u", ("$g", groupId), ("$u", userId)) > 0;
    }

    public GroupModel? Get(string id)
    {
        using var c = db.Open();
        return c.Query($"{Select} WHERE g.id = $id", Map, ("$id", id)).FirstOrDefault();
    }

    public GroupModel? GetByName(string name)
    {
        using var c = db.Open();
        return c.Query($"{Select} WHERE g.name = $n", Map, ("$n", name)).FirstOrDefault();
    }

    public GroupModel Create(string creatorId, string name, string description, JsonNode? permissions, JsonNode? data)
    {
        using var c = db.Open();
        var id = Create(c, creatorId, name, description, permissions, data, Clock.Now());
        return c.Query($"{Select} WHERE g.id = $id", Map, ("$id", id)).Single();
    }

    public static string Create(SqliteConnection c, string creatorId, string name, string description, JsonNode? permissions, JsonNode? data, long now)
    {
        var id = Clock.NewId();
        c.Execute("""
            INSERT INTO "group" (id, user_id, name, description, data, meta, permissions, created_at, updated_at)
            VALUES ($id, $u, $n, $d, $data, 'null', $p, $now, $now)
            """, ("$id", id), ("$u", creatorId), ("$n", name), ("$d", description),
            ("$data", data?.ToJsonString() ?? "null"), ("$p", permissions?.ToJsonString() ?? "{}"), ("$now", now));
        return id;
    }

    public GroupModel? Update(string id, string name, string description, JsonNode? permissions, JsonNode? data)
    {
        using var c = db.Open();
        c.Execute("""
            UPDATE "group" SET name = $n, description = $d, permissions = coalesce($p, permissions), data = coalesce($data, data), updated_at = $now WHERE id = $id
            """, ("$n", name), ("$d", description), ("$p", permissions?.ToJsonString()), ("$data", data?.ToJsonString()), ("$now", Clock.Now()), ("$id", id));
        return c.Query($"{Select} WHERE g.id = $id", Map, ("$id", id)).FirstOrDefault();
    }

    public bool Delete(string id)
    {
        using var c = db.Open();
        return c.InTransaction(() =>
        {
            c.Execute("DELETE FROM group_member WHERE group_id = $id", ("$id", id));
            c.Execute("DELETE FROM group_manager WHERE group_id = $id", ("$id", id));
            return c.Execute("DELETE FROM \"group\" WHERE id = $id", ("$id", id)) > 0;
        });
    }

    /// <summary>Adds existing users only (unknown ids are skipped, as upstream filters them).</summary>
    public void AddMembers(string groupId, IEnumerable<string> userIds)
    {
        using var c = db.Open();
        c.InTransaction(() =>
        {
            foreach (var userId in userIds) AddMember(c, groupId, userId, Clock.Now());
        });
    }

    public static void AddMember(SqliteConnection c, string groupId, string userId, long now) =>
        c.Execute("""
            INSERT OR IGNORE INTO group_member (id, group_id, user_id, created_at, updated_at)
            SELECT $id, $g, $u, $now, $now WHERE EXISTS (SELECT 1 FROM user WHERE id = $u)
            """, ("$id", Clock.NewId()), ("$g", groupId), ("$u", userId), ("$now", now));

    public void RemoveMembers(string groupId, IEnumerable<string> userIds)
    {
        using var c = db.Open();
        c.InTransaction(() =>
        {
            foreach (var userId in userIds) c.Execute("DELETE FROM group_member WHERE group_id = $g AND user_id = $u", ("$g", groupId), ("$u", userId));
        });
    }

    public List<GroupMember> Members(string groupId)
    {
        using var c = db.Open();
        return c.Query("""
            SELECT u.id, u.name, u.email, u.role, u.profile_image_url FROM group_member m JOIN user u ON u.id = m.user_id
            WHERE m.group_id = $g ORDER BY u.name
            """, r => new GroupMember(r.Str("id"), r.Str("name"), r.Str("email"), r.Str("role"), r.Str("profile_image_url")), ("$g", groupId));
    }

    public List<string> ManagerIds(string groupId)
    {
        using var c = db.Open();
        return c.Query("SELECT user_id FROM group_manager WHERE group_id = $g ORDER BY created_at", r => r.Str("user_id"), ("$g", groupId));
    }

    public void AddManagers(string groupId, IEnumerable<string> userIds)
    {
        using var c = db.Open();
        c.InTransaction(() =>
        {
            foreach (var userId in userIds) AddManager(c, groupId, userId, Clock.Now());
        });
    }

    public static void AddManager(SqliteConnection c, string groupId, string userId, long now) =>
        c.Execute("""
            INSERT OR IGNORE INTO group_manager (group_id, user_id, created_at)
            SELECT $g, $u, $now WHERE EXISTS (SELECT 1 FROM user WHERE id = $u)
            """, ("$g", groupId), ("$u", userId), ("$now", now));

    public void RemoveManagers(string groupId, IEnumerable<string> userIds)
    {
        using var c = db.Open();
        c.InTransaction(() =>
        {
            foreach (var userId in userIds) c.Execute("DELETE FROM group_manager WHERE group_id = $g AND user_id = $u", ("$g", groupId), ("$u", userId));
        });
    }

    private static GroupModel Map(SqliteDataReader r) => new()
    {
        Id = r.Str("id"), UserId = r.StringOrNull("user_id"), Name = r.Str("name"), Description = r.Str("description"),
        Data = UserStore.Json(r.StringOrNull("data")), Meta = UserStore.Json(r.StringOrNull("meta")), Permissions = UserStore.Json(r.StringOrNull("permissions")),
        CreatedAt = r.Long("created_at"), UpdatedAt = r.Long("updated_at"), MemberCount = r.Long("member_count"),
    };
}
