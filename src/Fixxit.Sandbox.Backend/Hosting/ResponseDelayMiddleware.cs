using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Hosting;

/// <summary>The sandbox's "slow backend" fault: SANDBOX_RESPONSE_DELAY_MS holds every response back that long.</summary>
public sealed class ResponseDelayMiddleware(RequestDelegate next, TimeSpan delay)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (delay > TimeSpan.Zero) await Task.Delay(delay, http.RequestAborted);
        await next(http);
    }
}
