using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Ui;

/// <summary>
/// The stand-in's web UI: server-sent HTML pages with small inline scripts that call the API like upstream's SPA
/// (token in localStorage, Bearer header). The same pages are served by the backend and by the frontend verb.
/// </summary>
public sealed class UiPages
{
    /// <summary>Client routes and the page each one serves (upstream's SvelteKit routes plus the fork's).</summary>
    public static readonly IReadOnlyList<(string Route, string Page)> Routes =
    [
        ("/", "chat.html"), ("/c/{id}", "chat.html"), ("/auth", "auth.html"), ("/auth/invite/{token}", "invite.html"),
        ("/admin", "admin-users.html"), ("/admin/users", "admin-users.html"), ("/admin/users/overview", "admin-users.html"),
        ("/admin/users/groups", "admin-groups.html"), ("/admin/groups", "admin-groups.html"), ("/admin/invitations", "admin-invitations.html"),
        ("/manager", "manager.html"), ("/logs", "logs.html"), ("/error", "error.html"),
    ];

    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);

    public UiPages(string webUiName)
    {
        var html = HtmlEncoder.Default.Encode(webUiName);
        var js = JavaScriptEncoder.Default.Encode(webUiName);
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ui/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            _pages[resource["ui/".Length..]] = reader.ReadToEnd().Replace("{{WEBUI_NAME_JS}}", js, StringComparison.Ordinal)
                .Replace("{{WEBUI_NAME}}", html, StringComparison.Ordinal);
        }
    }

    public string Page(string name) => _pages[name];

    public void Map(WebApplication web)
    {
        foreach (var (route, page) in Routes) web.MapGet(route, () => Html(page));
        web.MapGet("/_app/stand-in.js", () => Results.Text(_pages["stand-in.js"], "text/javascript; charset=utf-8"));
        web.MapGet("/_app/stand-in.css", () => Results.Text(_pages["stand-in.css"], "text/css; charset=utf-8"));
        web.MapGet("/user.png", () => Results.Bytes(TransparentPng, "image/png"));
    }

    public IResult Html(string page, int status = (int)HttpStatusCode.OK) =>
        Results.Content(_pages[page], "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>A 1x1 transparent PNG for the default avatar <c>/user.png</c>.</summary>
    private static readonly byte[] TransparentPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
