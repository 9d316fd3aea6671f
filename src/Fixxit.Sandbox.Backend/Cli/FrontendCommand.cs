using Fixxit.Sandbox.Backend.Configuration;
using Fixxit.Sandbox.Backend.Frontend;
using Fixxit.Sandbox.Backend.Hosting;
using Fixxit.Sandbox.Backend.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Cli;

/// <summary>
/// <c>frontend --port P --backend-port B --app-root DIR</c>: the sandbox's stand-in for the Vite dev server. It serves
/// the UI pages and forwards /api, /ollama, /openai, /health (and /ws, /static) to the backend on 127.0.0.1:B.
/// </summary>
public static class FrontendCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CommandLine("frontend", args, ["--port", "--backend-port", "--app-root"], []);
        var port = cli.Port("--port");
        var backendPort = cli.Port("--backend-port");
        if (port == backendPort) throw new ConfigurationException($"frontend: --port and --backend-port are both {port}");
        var root = AppRoot.From(cli.Required("--app-root"));
        var name = ReadName(root);
        var log = UvicornLog.Console;

        using var forwarder = new ApiForwarder(backendPort);
        await using var web = Build(port, forwarder, new UiPages(name), log);
        return await LoopbackHost.RunAsync(web, port, log);
    }

    public static WebApplication Build(int port, ApiForwarder forwarder, UiPages pages, UvicornLog log)
    {
        var web = LoopbackHost.CreateBuilder(port, _ => { }).Build();
        web.UseMiddleware<AccessLogMiddleware>(log);
        web.Use(async (http, next) =>
        {
            if (ApiForwarder.Handles(http.Request.Path)) await forwarder.ForwardAsync(http);
            else await next(http);
        });
        web.UseRouting();
        pages.Map(web);
        // Vite answers every other path with the SPA's index.html.
        web.MapFallback("{*path}", () => pages.Html("not-found.html"));
        return web;
    }

    /// <summary>The page title: WEBUI_NAME from the environment or backend/.env, as the backend would report it.</summary>
    private static string ReadName(AppRoot root)
    {
        var name = Environment.GetEnvironmentVariable("WEBUI_NAME");
        if (string.IsNullOrEmpty(name) && File.Exists(root.EnvFile)) name = DotEnvFile.Load(root.EnvFile).Get("WEBUI_NAME");
        return string.IsNullOrEmpty(name) || name == "Open WebUI" ? "Open WebUI" : $"{name} (Open WebUI)";
    }
}
