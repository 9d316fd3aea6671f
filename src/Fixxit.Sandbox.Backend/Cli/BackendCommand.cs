using Fixxit.Sandbox.Backend.Api;
using Fixxit.Sandbox.Backend.Configuration;
using Fixxit.Sandbox.Backend.Data;
using Fixxit.Sandbox.Backend.Hosting;
using Fixxit.Sandbox.Backend.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fixxit.Sandbox.Backend.Cli;

/// <summary><c>backend --port P --app-root DIR</c>: the API and the UI on 127.0.0.1:P, like uvicorn running open_webui.main:app.</summary>
public static class BackendCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CommandLine("backend", args, ["--port", "--app-root"], []);
        var port = cli.Port("--port");
        var settings = BackendSettings.Load(AppRoot.From(cli.Required("--app-root")));
        var log = UvicornLog.Console;
        var context = new BackendContext(settings, log, TimeProvider.System);
        Schema.Ensure(context.Db);
        if (settings.SecretKeyIsDefault) log.Warning("WEBUI_SECRET_KEY is not set: signing sessions with the built-in default key.");
        if (settings.EncryptionKeys.FromEnvFile is null && settings.EncryptionKeys.FromProcess is null)
            log.Warning("DATABASE_PASSWORD_ENCRYPTION_KEY is not set: log sources cannot be read.");

        await using var web = Build(port, context);
        return await LoopbackHost.RunAsync(web, port, log);
    }

    public static WebApplication Build(int port, BackendContext context)
    {
        var builder = LoopbackHost.CreateBuilder(port, services => services.AddSingleton(context));
        var web = builder.Build();
        var pages = new UiPages(context.Settings.WebUiName);
        web.UseMiddleware<AccessLogMiddleware>(context.Log);
        web.UseMiddleware<ApiExceptionMiddleware>(context.Log);
        SpaFallback.Map(web, pages);
        web.UseRouting();

        HealthEndpoints.Map(web);
        AuthEndpoints.Map(web);
        UserEndpoints.Map(web);
        GroupEndpoints.Map(web);
        ChatEndpoints.Map(web);
        InvitationEndpoints.Map(web);
        ManagerEndpoints.Map(web);
        LogEndpoints.Map(web);
        pages.Map(web);
        SpaFallback.MapFallback(web, pages);
        return web;
    }
}
