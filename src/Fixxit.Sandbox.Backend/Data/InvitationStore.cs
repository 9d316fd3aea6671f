using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Fixxit.Sandbox.Backend.Data;

/// <summary>The fork's <c>invitation</c> table.</summary>
public sealed class InvitationStore(Db db)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public Invitation Create(string email, string role, string? groupId, string invitedBy, TimeSpan lifetime)
    {
        using var c = db.Open();
        var id = Create(c, email, role, groupId, invitedBy, Clock.Now(), lifetime, Invitation.Pending);
        return Query(c, "WHERE id = $id", ("$id", id)).Single();
    }

    public static string Create(SqliteConnection c, string email, string role, string? groupId, string invitedBy, long now, TimeSpan lifetime, string status)
    {
        var id = Clock.NewId();
        c.Execute("""
            INSERT INTO invitation (id, token, email, role, group_id, invited_by, status, created_at, expires_at)
            VALUES ($id, $t, $e, $r, $g, $by, $s, $now, $exp)
            """, ("$id", id), ("$t", NewToken()), ("$e", email.ToLowerInvariant()), ("$r", role), ("$g", groupId), ("$by", invitedBy),
            ("$s", status), ("$now", now), ("$exp", now + (long)lifetime.TotalSeconds));
        return id;
    }

    /// <summary>All invitations, or only those <paramref name="invitedBy"/> created; newest first.</summary>
    public List<Invitation> List(string? invitedBy)
    {
        using var c = db.Open();
        return invitedBy is null ? Query(c, "ORDER BY created_at DESC, rowid DESC") : Query(c, "WHERE invited_by = $by ORDER BY created_at DESC, rowid DESC", ("$by", invitedBy));
    }

    public Invitation? Get(string id)
    {
        using var c = db.Open();
        return Query(c, "WHERE id = $id", ("$id", id)).FirstOrDefault();
    }

    public Invitation? GetByToken(string token)
    {
        using var c = db.Open();
        return Query(c, "WHERE token = $t", ("$t", token)).FirstOrDefault();
    }

    public Invitation? SetStatus(string id, string status, string? acceptedUserId = null)
    {
        using var c = db.Open();
        c.Execute("UPDATE invitation SET status = $s, accepted_at = CASE WHEN $s = 'accepted' THEN $now ELSE accepted_at END, accepted_user_id = coalesce($u, accepted_user_id) WHERE id = $id",
            ("$s", status), ("$now", Clock.Now()), ("$u", acceptedUserId), ("$id", id));
        return Query(c, "WHERE id = $id", ("$id", id)).FirstOrDefault();
    }

    public bool Delete(string id)
    {
        using var c = db.Open();
        return c.Execute("DELETE FROM invitation WHERE id = $id", ("$id", id)) > 0;
    }

    /// <summary>Like Python's <c>secrets.token_urlsafe(32)</c>.</summary>
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static List<Invitation> Query(SqliteConnection c, string tail, params (string, object?)[] parameters) =>
        c.Query($"SELECT * FROM invitation {tail}", r => new Invitation
        {
            Id = r.Str("id"), Token = r.Str("token"), Email = r.Str("email"), Role = r.Str("role"), GroupId = r.StringOrNull("group_id"),
            InvitedBy = r.Str("invited_by"), StoredStatus = r.Str("status"), CreatedAt = r.Long("created_at"), ExpiresAt = r.Long("expires_at"),
            AcceptedAt = r.LongOrNull("accepted_at"), AcceptedUserId = r.StringOrNull("accepted_user_id"),
        }, parameters);
}
