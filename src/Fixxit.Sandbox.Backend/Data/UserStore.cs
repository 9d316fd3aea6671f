using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>The <c>user</c> and <c>auth</c> tables: one user is two rows with the same id.</summary>
public sealed class UserStore(Db db)
{
    public const int PageItemCount = 30;

    private const string Columns = "id, name, email, username, role, profile_image_url, profile_banner_image_url, bio, gender, date_of_birth, timezone, presence_state, status_emoji, status_message, status_expires_at, info, settings, oauth, last_active_at, updated_at, created_at";

    private static readonly Dictionary<string, string> OrderColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["email"] = "email", ["created_at"] = "created_at", ["last_active_at"] = "last_active_at",
        ["updated_at"] = "updated_at", ["role"] = "role",
    };

    public long Count()
    {
        using var c = db.Open();
        return c.Scalar<long>("SELECT count(*) FROM user");
    }

    public UserModel? GetById(string id)
    {
        using var c = db.Open();
        return c.Query($"SELECT {Columns} FROM user WHERE id = $id", Map, ("$id", id)).FirstOrDefault();
    }

    public UserModel? GetByEmail(string email)
    {
        using var c = db.Open();
        return c.Query($"SELECT {Columns} FROM user WHERE lower(email) = $e", Map, ("$e", email.ToLowerInvariant())).FirstOrDefault();
    }

    /// <summary>The primary admin: the first user by creation time.</summary>
    public UserModel? First()
    {
        using var c = db.Open();
        return c.Query($"SELECT {Columns} FROM user ORDER BY created_at ASC, rowid ASC LIMIT 1", Map).FirstOrDefault();
    }

    /// <summary>The bcrypt hash of an active auth row whose email matches, with its user id.</summary>
    public (string Id, string PasswordHash)? GetAuth(string email)
    {
        using var c = db.Open();
        var rows = c.Query("SELECT a.id, a.password FROM auth a JOIN user u ON u.id = a.id WHERE lower(a.email) = $e AND a.active = 1",
            r => (r.Str("id"), r.Str("password")), ("$e", email.ToLowerInvariant()));
        return rows.Count == 0 ? null : rows[0];
    }

    public UserModel Insert(string name, string email, string passwordHash, string role, string profileImageUrl = "/user.png", long? createdAt = null)
    {
        using var c = db.Open();
        return Insert(c, Clock.NewId(), name, email, passwordHash, role, profileImageUrl, createdAt ?? Clock.Now());
    }

    public static UserModel Insert(SqliteConnection c, string id, string name, string email, string passwordHash, string role, string profileImageUrl, long now)
    {
        c.InTransaction(() =>
        {
            c.Execute("INSERT INTO auth (id, email, password, active) VALUES ($id, $e, $p, 1)", ("$id", id), ("$e", email.ToLowerInvariant()), ("$p", passwordHash));
            c.Execute("""
                INSERT INTO user (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at, settings, info, oauth)
                VALUES ($id, $n, $e, $r, $img, $now, $now, $now, 'null', 'null', 'null')
                """, ("$id", id), ("$n", name), ("$e", email.ToLowerInvariant()), ("$r", role), ("$img", profileImageUrl), ("$now", now));
        });
        return c.Query($"SELECT {Columns} FROM user WHERE id = $id", Map, ("$id", id)).Single();
    }

    /// <summary>0.6.6+ listing: ILIKE on name/email, sort, 30 per 1-based page; also returns the total matched.</summary>
    public (List<UserModel> Users, long Total) List(string? query, string? orderBy, string? direction, int page)
    {
        var where = string.IsNullOrEmpty(query) ? "" : "WHERE name LIKE $q OR email LIKE $q";
        var column = orderBy is not null && OrderColumns.TryGetValue(orderBy, out var col) ? col : "created_at";
        var dir = string.Equals(direction, "asc", StringComparison.OrdinalIgnoreCase) ? "ASC" : "DESC";
        var q = ("$q", (object?)$"%{query}%");
        using var c = db.Open();
        var total = c.Scalar<long>($"SELECT count(*) FROM user {where}", q);
        var users = c.Query($"SELECT {Columns} FROM user {where} ORDER BY {column} {dir}, rowid {dir} LIMIT $limit OFFSET $skip", Map,
            q, ("$limit", PageItemCount), ("$skip", (Math.Max(page, 1) - 1) * PageItemCount));
        return (users, total);
    }

    public Dictionary<string, List<string>> GroupIds(IEnumerable<string> userIds)
    {
        var result = userIds.ToDictionary(id => id, _ => new List<string>());
        using var c = db.Open();
        foreach (var (userId, groupId) in c.Query("SELECT user_id, group_id FROM group_member ORDER BY created_at", r => (r.Str("user_id"), r.Str("group_id"))))
        {
            if (result.TryGetValue(userId, out var list)) list.Add(groupId);
        }

        return result;
    }

    public bool EmailTakenByOther(string email, string exceptId)
    {
        using var c = db.Open();
        return c.Scalar<long>("SELECT count(*) FROM user WHERE lower(email) = $e AND id <> $id", ("$e", email.ToLowerInvariant()), ("$id", exceptId)) > 0;
    }

    public UserModel? Update(string id, string role, string name, string email, string profileImageUrl, string? passwordHash)
    {
        using var c = db.Open();
        c.InTransaction(() =>
        {
            c.Execute("UPDATE user SET role = $r, name = $n, email = $e, profile_image_url = $img, updated_at = $now WHERE id = $id",
                ("$r", role), ("$n", name), ("$e", email.ToLowerInvariant()), ("$img", profileImageUrl), ("$now", Clock.Now()), ("$id", id));
            c.Execute("UPDATE auth SET email = $e WHERE id = $id", ("$e", email.ToLowerInvariant()), ("$id", id));
            if (passwordHash is not null) c.Execute("UPDATE auth SET password = $p WHERE id = $id", ("$p", passwordHash), ("$id", id));
        });
        return c.Query($"SELECT {Columns} FROM user WHERE id = $id", Map, ("$id", id)).FirstOrDefault();
    }

    public void TouchLastActive(string id)
    {
        using var c = db.Open();
        c.Execute("UPDATE user SET last_active_at = $now WHERE id = $id", ("$now", Clock.Now()), ("$id", id));
    }

    /// <summary>As Users.delete_user_by_id: out of every group, then the user's chats, user row and auth row.</summary>
    public bool Delete(string id)
    {
        using var c = db.Open();
        return c.InTransaction(() =>
        {
            c.Execute("DELETE FROM group_member WHERE user_id = $id", ("$id", id));
            c.Execute("DELETE FROM group_manager WHERE user_id = $id", ("$id", id));
            c.Execute("DELETE FROM chat WHERE user_id = $id", ("$id", id));
            var users = c.Execute("DELETE FROM user WHERE id = $id", ("$id", id));
            c.Execute("DELETE FROM auth WHERE id = $id", ("$id", id));
            return users > 0;
        });
    }

    internal static UserModel Map(SqliteDataReader r) => new()
    {
        Id = r.Str("id"), Name = r.Str("name"), Email = r.Str("email"), Username = r.StringOrNull("username"), Role = r.Str("role"),
        ProfileImageUrl = r.Str("profile_image_url"), ProfileBannerImageUrl = r.StringOrNull("profile_banner_image_url"),
        Bio = r.StringOrNull("bio"), Gender = r.StringOrNull("gender"), DateOfBirth = r.StringOrNull("date_of_birth"),
        Timezone = r.StringOrNull("timezone"), PresenceState = r.StringOrNull("presence_state"), StatusEmoji = r.StringOrNull("status_emoji"),
        StatusMessage = r.StringOrNull("status_message"), StatusExpiresAt = r.LongOrNull("status_expires_at"),
        Info = Json(r.StringOrNull("info")), Settings = Json(r.StringOrNull("settings")), Oauth = Json(r.StringOrNull("oauth")),
        LastActiveAt = r.Long("last_active_at"), UpdatedAt = r.Long("updated_at"), CreatedAt = r.Long("created_at"),
    };

    internal static JsonNode? Json(string? text) => string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
}
