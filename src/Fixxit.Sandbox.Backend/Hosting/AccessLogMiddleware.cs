using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Fixxit.Sandbox.Backend.Hosting;

/// <summary>One uvicorn access-log line per request, written when the response is complete.</summary>
public sealed class AccessLogMiddleware(RequestDelegate next, UvicornLog log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        finally
        {
            var client = $"{http.Connection.RemoteIpAddress?.MapToIPv4()}:{http.Connection.RemotePort}";
            var target = http.Request.Path + http.Request.QueryString;
            var status = http.Response.StatusCode;
            log.Info($"{client} - \"{http.Request.Method} {target} {http.Request.Protocol}\" {status} {ReasonPhrases.GetReasonPhrase(status)}");
        }
    }
}
