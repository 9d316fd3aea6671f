using Fixxit.Sandbox.Backend.Api;
using Fixxit.Sandbox.Backend.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Hosting;

/// <summary>
/// Upstream mounts the SPA last at "/": any GET nothing else matched gets index.html (200), except paths ending in
/// ".js" (404); other methods get 405 from the static-files app. So an unknown API GET is 200 HTML, not 404.
/// </summary>
public static class SpaFallback
{
    /// <summary>Routes FastAPI declares with a trailing slash: without it no route matches and the SPA answers.</summary>
    private static readonly HashSet<string> SlashOnlyRoutes = new(StringComparer.Ordinal)
    {
        "/api/v1/auths", "/api/v1/users", "/api/v1/groups", "/api/v1/chats", "/api/v1/invitations", "/api/v1/logs",
    };

    public static void Map(WebApplication web, UiPages pages)
    {
        web.Use(async (http, next) =>
        {
            if (SlashOnlyRoutes.Contains(http.Request.Path.Value ?? "")) await Answer(http, pages).ExecuteAsync(http);
            else await next(http);
        });
    }

    public static void MapFallback(WebApplication web, UiPages pages) => web.MapFallback("{*path}", (HttpContext http) => Answer(http, pages));

    private static IResult Answer(HttpContext http, UiPages pages)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return ApiJson.Detail(405, "Method Not Allowed");
        if ((http.Request.Path.Value ?? "").EndsWith(".js", StringComparison.Ordinal)) return ApiJson.Detail(404, "Not Found");
        return pages.Html("not-found.html");
    }
}
