using Fixxit.Sandbox.Backend.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>routers/groups.py (0.6.37+: members through users/add and users/remove), plus the fork's manager assignment.</summary>
public static class GroupEndpoints
{
    public static void Map(WebApplication web)
    {
        web.MapGet("/api/v1/groups/", (HttpContext http, BackendContext app) =>
        {
            var user = app.Sessions.Verified(http);
            return ApiJson.Ok(user.Role == Roles.Admin ? app.Groups.All() : app.Groups.WithMember(user.Id));
        });

        web.MapPost("/api/v1/groups/create", async (HttpContext http, BackendContext app) =>
        {
            var admin = app.Sessions.Admin(http);
            var form = await RequestBody.ReadAsync(http.Request);
            var name = form.Str("name");
            var description = form.Str("description");
            var permissions = form.Obj("permissions");
            var data = form.Obj("data");
            form.Validate();
            return ApiJson.Ok(app.Groups.Create(admin.Id, name, description, permissions?.DeepClone(), data?.DeepClone()));
        });

        web.MapGet("/api/v1/groups/id/{id}", (string id, HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            return ApiJson.Ok(app.Groups.Get(id) ?? throw ApiException.Unauthorized(ErrorMessages.NotFound));
        });

        web.MapPost("/api/v1/groups/id/{id}/update", async (string id, HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            var form = await RequestBody.ReadAsync(http.Request);
            var name = form.Str("name");
            var description = form.Str("description");
            var permissions = form.Obj("permissions");
            var data = form.Obj("data");
            form.Validate();
            return ApiJson.Ok(app.Groups.Update(id, name, description, permissions?.DeepClone(), data?.DeepClone())
                ?? throw ApiException.BadRequest(ErrorMessages.Default));
        });

        web.MapDelete("/api/v1/groups/id/{id}/delete", (string id, HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            return app.Groups.Delete(id) ? ApiJson.Ok(true) : throw ApiException.BadRequest(ErrorMessages.Default);
        });

        MapMembership(web, "users/add", (app, id, ids) => app.Groups.AddMembers(id, ids));
        MapMembership(web, "users/remove", (app, id, ids) => app.Groups.RemoveMembers(id, ids));
        MapMembership(web, "managers/add", (app, id, ids) => app.Groups.AddManagers(id, ids));
        MapMembership(web, "managers/remove", (app, id, ids) => app.Groups.RemoveManagers(id, ids));

        web.MapPost("/api/v1/groups/id/{id}/users", (string id, HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            if (app.Groups.Get(id) is null) throw ApiException.Unauthorized(ErrorMessages.NotFound);
            return ApiJson.Ok(app.Groups.Members(id));
        });
    }

    /// <summary>POST /api/v1/groups/id/{id}/{action} with <c>{"user_ids": [...]}</c>; returns the updated group.</summary>
    private static void MapMembership(WebApplication web, string action, Action<BackendContext, string, List<string>> change) =>
        web.MapPost($"/api/v1/groups/id/{{id}}/{action}", async (string id, HttpContext http, BackendContext app) =>
        {
            app.Sessions.Admin(http);
            var form = await RequestBody.ReadAsync(http.Request);
            form.Validate();
            if (app.Groups.Get(id) is null) throw ApiException.Unauthorized(ErrorMessages.NotFound);
            change(app, id, form.StrList("user_ids"));
            return ApiJson.Ok(app.Groups.Get(id));
        });
}
