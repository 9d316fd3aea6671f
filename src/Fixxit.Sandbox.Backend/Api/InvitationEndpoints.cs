using System.Text.Json.Nodes;
using Fixxit.Sandbox.Backend.Auth;
using Fixxit.Sandbox.Backend.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>
/// The fork's invitations. The link is <c>&lt;effective WEBUI_URL&gt;/auth/invite/&lt;token&gt;</c>, built when shown, so a
/// <c>webui.url</c> copied in with dev's database makes prod hand out dev links.
/// </summary>
public static class InvitationEndpoints
{
    public static readonly string[] InvitableRoles = [Roles.User, Roles.Manager, Roles.Pending, Roles.Admin];

    public static void Map(WebApplication web)
    {
        web.MapPost("/api/v1/invitations/create", Create);

        web.MapGet("/api/v1/invitations/", (HttpContext http, BackendContext app) =>
        {
            var caller = app.Sessions.AdminOrManager(http);
            var list = app.Invitations.List(caller.Role == Roles.Admin ? null : caller.Id);
            return ApiJson.Ok(list.Select(i => Describe(http, app, i)));
        });

        web.MapPost("/api/v1/invitations/{id}/revoke", (string id, HttpContext http, BackendContext app) =>
        {
            var invitation = Owned(http, app, id);
            if (invitation.StoredStatus == Invitation.Accepted) throw ApiException.BadRequest(Messages.AlreadyUsed);
            return ApiJson.Ok(Describe(http, app, app.Invitations.SetStatus(id, Invitation.Revoked)!));
        });

        web.MapDelete("/api/v1/invitations/{id}", (string id, HttpContext http, BackendContext app) =>
        {
            Owned(http, app, id);
            return ApiJson.Ok(app.Invitations.Delete(id));
        });

        web.MapGet("/api/v1/invitations/token/{token}", (string token, BackendContext app) =>
        {
            var invitation = app.Invitations.GetByToken(token) ?? throw new ApiException(404, ErrorMessages.NotFound);
            return ApiJson.Ok(new
            {
                email = invitation.Email, role = invitation.Role, status = invitation.Status(Clock.Now()), expires_at = invitation.ExpiresAt,
                group_name = invitation.GroupId is null ? null : app.Groups.Get(invitation.GroupId)?.Name, name = app.Settings.WebUiName,
            });
        });

        web.MapPost("/api/v1/invitations/accept", Accept);
    }

    /// <summary>Texts the invitation page shows; the API returns them as <c>detail</c>.</summary>
    public static class Messages
    {
        public const string Revoked = "This invitation has been revoked";
        public const string Expired = "This invitation has expired";
        public const string AlreadyUsed = "This invitation has already been used";
        public const string InvalidRole = "Invalid role";
    }

    private static async Task<IResult> Create(HttpContext http, BackendContext app)
    {
        var caller = app.Sessions.AdminOrManager(http);
        var form = await RequestBody.ReadAsync(http.Request);
        var email = form.Str("email").Trim().ToLowerInvariant();
        var role = form.OptStr("role", Roles.User)!;
        var groupId = form.OptStr("group_id");
        var days = form.Node("expires_in_days") is JsonValue d && d.TryGetValue<int>(out var n) && n > 0 ? n : (int)InvitationStore.DefaultLifetime.TotalDays;
        form.Validate();

        if (!AuthEndpoints.IsEmail(email)) throw ApiException.BadRequest(ErrorMessages.InvalidEmailFormat);
        if (!InvitableRoles.Contains(role)) throw ApiException.BadRequest(Messages.InvalidRole);
        if (app.Users.GetByEmail(email) is not null) throw ApiException.BadRequest(ErrorMessages.EmailTaken);
        if (string.IsNullOrEmpty(groupId)) groupId = null;
        if (groupId is not null && app.Groups.Get(groupId) is null) throw ApiException.BadRequest(ErrorMessages.NotFound);
        // A manager invites plain users into groups they manage; anything more is an admin's call.
        if (caller.Role == Roles.Manager && (role is not (Roles.User or Roles.Pending) || groupId is null || !app.Groups.IsManager(groupId, caller.Id)))
            throw ApiException.Unauthorized(ErrorMessages.AccessProhibited);

        var invitation = app.Invitations.Create(email, role, groupId, caller.Id, TimeSpan.FromDays(days));
        return ApiJson.Ok(Describe(http, app, invitation));
    }

    private static async Task<IResult> Accept(HttpContext http, BackendContext app)
    {
        var form = await RequestBody.ReadAsync(http.Request);
        var token = form.Str("token");
        var name = form.Str("name");
        var password = form.Str("password");
        form.Validate();

        var invitation = app.Invitations.GetByToken(token) ?? throw new ApiException(404, ErrorMessages.NotFound);
        switch (invitation.Status(Clock.Now()))
        {
            case Invitation.Revoked: throw ApiException.BadRequest(Messages.Revoked);
            case Invitation.Expired: throw ApiException.BadRequest(Messages.Expired);
            case Invitation.Accepted: throw ApiException.BadRequest(Messages.AlreadyUsed);
        }

        if (string.IsNullOrWhiteSpace(name)) throw ApiException.BadRequest(ErrorMessages.Default);
        if (password.Length == 0 || Passwords.TooLong(password)) throw ApiException.BadRequest(ErrorMessages.PasswordTooLong);
        if (app.Users.GetByEmail(invitation.Email) is not null) throw ApiException.BadRequest(ErrorMessages.EmailTaken);

        var user = app.Users.Insert(name.Trim(), invitation.Email, Passwords.Hash(password), invitation.Role);
        if (invitation.GroupId is not null) app.Groups.AddMembers(invitation.GroupId, [user.Id]);
        app.Invitations.SetStatus(invitation.Id, Invitation.Accepted, user.Id);
        return AuthEndpoints.SessionResponse(http, app, user, includeProfile: false);
    }

    /// <summary>Admins act on any invitation; managers on the ones they created. Missing or not theirs: 404.</summary>
    private static Invitation Owned(HttpContext http, BackendContext app, string id)
    {
        var caller = app.Sessions.AdminOrManager(http);
        var invitation = app.Invitations.Get(id);
        if (invitation is null || (caller.Role != Roles.Admin && invitation.InvitedBy != caller.Id)) throw new ApiException(404, ErrorMessages.NotFound);
        return invitation;
    }

    internal static JsonObject Describe(HttpContext http, BackendContext app, Invitation i) => new()
    {
        ["id"] = i.Id, ["token"] = i.Token, ["email"] = i.Email, ["role"] = i.Role, ["group_id"] = i.GroupId,
        ["group_name"] = i.GroupId is null ? null : app.Groups.Get(i.GroupId)?.Name, ["invited_by"] = i.InvitedBy,
        ["status"] = i.Status(Clock.Now()), ["url"] = Url(http, app, i.Token), ["created_at"] = i.CreatedAt, ["expires_at"] = i.ExpiresAt,
        ["accepted_at"] = i.AcceptedAt,
    };

    /// <summary>Effective WEBUI_URL (database first, then environment); with neither, the request's own origin.</summary>
    internal static string Url(HttpContext http, BackendContext app, string token)
    {
        var baseUrl = app.EffectiveWebUiUrl;
        if (string.IsNullOrEmpty(baseUrl))
        {
            var proto = http.Request.Headers["X-Forwarded-Proto"].FirstOrDefault() ?? http.Request.Scheme;
            var host = http.Request.Headers["X-Forwarded-Host"].FirstOrDefault() ?? http.Request.Host.Value;
            baseUrl = $"{proto}://{host}";
        }

        return $"{baseUrl.TrimEnd('/')}/auth/invite/{token}";
    }
}
