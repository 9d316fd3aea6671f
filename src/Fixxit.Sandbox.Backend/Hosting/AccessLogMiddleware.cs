using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Fixxit.Sandbox.Backend.Hosting;

/// <summary>
/// One uvicorn access-log line per request, written when the response is complete — except a line that mentions
/// <c>/health</c>: Open WebUI's <c>backend/open_webui/config.py</c> puts an endpoint filter on <c>uvicorn.access</c> that
/// drops those, so no check can rely on finding its own health probe in <c>backend.log</c>.
/// </summary>
public sealed class AccessLogMiddleware(RequestDelegate next, UvicornLog log)
{
    /// <summary>Upstream's filter looks for this text anywhere in the access line (path or query string).</summary>
    public const string FilteredText = "/health";

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
            var line = $"{client} - \"{http.Request.Method} {target} {http.Request.Protocol}\" {status} {ReasonPhrases.GetReasonPhrase(status)}";
            if (!line.Contains(FilteredText, StringComparison.Ordinal)) log.Info(line);
        }
    }
}
