using System.Text.Json;
using System.Text.Json.Nodes;
using Fixxit.Sandbox.Backend.Auth;
using Fixxit.Sandbox.Backend.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Api;

/// <summary>The fork's manager dashboard API: a manager sees only the groups they manage, an admin sees all.</summary>
public static class ManagerEndpoints
{
    public static void Map(WebApplication web)
    {
        web.MapGet("/api/v1/manager/groups", (HttpContext http, BackendContext app) =>
        {
            var caller = app.Sessions.AdminOrManager(http);
            var groups = caller.Role == Roles.Admin ? app.Groups.All() : app.Groups.ManagedBy(caller.Id);
            return ApiJson.Ok(groups.Select(g => WithManagers(app, g)));
        });

        web.MapGet("/api/v1/manager/groups/{id}/members", (string id, HttpContext http, BackendContext app) =>
        {
            var caller = app.Sessions.AdminOrManager(http);
            if (app.Groups.Get(id) is null) throw ApiException.Unauthorized(ErrorMessages.NotFound);
            if (caller.Role != Roles.Admin && !app.Groups.IsManager(id, caller.Id)) throw ApiException.Unauthorized(ErrorMessages.AccessProhibited);
            return ApiJson.Ok(app.Groups.Members(id));
        });
    }

    private static JsonObject WithManagers(BackendContext app, GroupModel group)
    {
        var node = JsonSerializer.SerializeToNode(group, ApiJson.Options)!.AsObject();
        node["manager_ids"] = new JsonArray(app.Groups.ManagerIds(group.Id).Select(id => (JsonNode?)id).ToArray());
        return node;
    }
}
