using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fixxit.Sandbox.Backend.Hosting;

/// <summary>
/// A Kestrel app bound to 127.0.0.1 only, with ASP.NET's own console logging off (the uvicorn-style log is ours) and
/// nothing read relative to the working directory.
/// </summary>
public static class LoopbackHost
{
    public static WebApplicationBuilder CreateBuilder(int port, Action<IServiceCollection> services)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        services(builder.Services);
        return builder;
    }

    /// <summary>Runs until SIGTERM/SIGINT, logging like uvicorn; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication web, int port, UvicornLog log)
    {
        var pid = Environment.ProcessId;
        log.Info($"Started server process [{pid}]");
        log.Info("Waiting for application startup.");
        try
        {
            await web.StartAsync();
        }
        catch (IOException e)
        {
            log.Error(e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                ? $"[Errno 98] error while attempting to bind on address ('127.0.0.1', {port}): address already in use"
                : $"error while attempting to bind on address ('127.0.0.1', {port}): {e.Message}");
            return 1;
        }

        log.Info("Application startup complete.");
        log.Info($"Uvicorn running on http://127.0.0.1:{port} (Press CTRL+C to quit)");
        await web.WaitForShutdownAsync();
        log.Info("Shutting down");
        log.Info($"Finished server process [{pid}]");
        return 0;
    }
}
