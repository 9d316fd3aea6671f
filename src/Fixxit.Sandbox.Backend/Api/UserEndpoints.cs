using System.Text.Json;
using System.Text.Json.Nodes;
using Fixxit.Sandbox.Backend.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>routers/users.py (0.6.41+ shapes).</summary>
public static class UserEndpoints
{
    public static void Map(WebApplication web)
    {
        web.MapGet("/api/v1/users/", (HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            var (users, total) = app.Users.List(Query.Str(http.Request, "query"), Query.Str(http.Request, "order_by"),
                Query.Str(http.Request, "direction"), Query.Int(http.Request, "page") ?? 1);
            var groupIds = app.Users.GroupIds(users.Select(u => u.Id));
            var items = users.Select(u =>
            {
                var node = JsonSerializer.SerializeToNode(u, ApiJson.Options)!.AsObject();
                node["group_ids"] = new JsonArray(groupIds[u.Id].Select(g => (JsonNode?)g).ToArray());
                return node;
            });
            return ApiJson.Ok(new { users = items, total });
        });

        web.MapGet("/api/v1/users/all", (HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            var (users, total) = app.Users.List(null, "created_at", "asc", 1);
            var all = new List<object>();
            for (var page = 1; all.Count < total; page++)
            {
                var batch = app.Users.List(null, "created_at", "asc", page).Users;
                if (batch.Count == 0) break;
                all.AddRange(batch.Select(u => new { id = u.Id, name = u.Name, email = u.Email, role = u.Role, profile_image_url = u.ProfileImageUrl }));
            }

            return ApiJson.Ok(new { users = all, total });
        });

        web.MapGet("/api/v1/users/{id}/groups", (string id, HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            return ApiJson.Ok(app.Groups.WithMember(id));
        });

        web.MapDelete("/api/v1/users/{id}", (string id, HttpContext http, BackendContext app) =>
        {
            var admin = app.Sessions.Admin(http);
            // Upstream raises its 403 for the primary admin inside try/except, so the client sees this 500.
            if (app.Users.First()?.Id == id) throw new ApiException(500, ErrorMessages.PrimaryAdminCheckFailed);
            if (admin.Id == id) throw ApiException.Forbidden(ErrorMessages.ActionProhibited);
            return app.Users.Delete(id) ? ApiJson.Ok(true) : throw new ApiException(500, ErrorMessages.DeleteUserError);
        });

        web.MapPost("/api/v1/users/{id}/update", async (string id, HttpContext http, BackendContext app) =>
        {
            var admin = app.Sessions.Admin(http);
            var form = await RequestBody.ReadAsync(http.Request);
            var role = form.Str("role");
            var name = form.Str("name");
            var email = form.Str("email").ToLowerInvariant();
            var image = form.Str("profile_image_url");
            var password = form.OptStr("password");
            form.Validate();

            var primary = app.Users.First();
            if (primary?.Id == id && (admin.Id != id || role != Roles.Admin)) throw ApiException.Forbidden(ErrorMessages.ActionProhibited);
            if (app.Users.GetById(id) is null) throw ApiException.BadRequest(ErrorMessages.NotFound);
            if (app.Users.EmailTakenByOther(email, id)) throw ApiException.BadRequest(ErrorMessages.EmailTaken);
            var hash = string.IsNullOrEmpty(password) ? null : Passwords.Hash(password);
            return ApiJson.Ok(app.Users.Update(id, role, name, email, image, hash));
        });
    }
}
