using Fixxit.Sandbox.Backend.Api;
using Fixxit.Sandbox.Backend.Auth;
using Microsoft.AspNetCore.Http;

namespace Fixxit.Sandbox.Backend.Hosting;

/// <summary>
/// FastAPI's exception handling: an <see cref="ApiException"/> becomes <c>{"detail": ...}</c>; anything else is logged
/// and answered as Starlette's plain-text 500 "Internal Server Error".
/// </summary>
public sealed class ApiExceptionMiddleware(RequestDelegate next, UvicornLog log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (ApiException e) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            if (e.ClearsTokenCookie) http.Response.Cookies.Delete(Sessions.CookieName);
            await ApiJson.Detail(e.StatusCode, e.Detail).ExecuteAsync(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            log.Error($"Exception in ASGI application: {e.GetType().Name}: {e.Message}");
            http.Response.Clear();
            http.Response.StatusCode = 500;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("Internal Server Error");
        }
    }
}
