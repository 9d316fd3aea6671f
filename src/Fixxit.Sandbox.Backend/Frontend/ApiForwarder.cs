using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Fixxit.Sandbox.Backend.Frontend;

/// <summary>
/// What the sandbox's dev frontend does for API paths: forwards the request to the backend on 127.0.0.1 and copies the
/// answer back; 502 when the backend does not answer. Hand-written on HttpClient (no proxy, no redirects, no cookies).
/// </summary>
public sealed class ApiForwarder(int backendPort) : IDisposable
{
    public static readonly string[] Prefixes = ["/api", "/ollama", "/openai", "/health", "/ws", "/static"];

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Authorization", "Proxy-Authenticate", "Host",
    };

    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
    {
        Timeout = TimeSpan.FromMinutes(5),
    };

    public static bool Handles(PathString path) => Prefixes.Any(p => path.StartsWithSegments(p) || (p == "/health" && (path.Value ?? "").StartsWith("/health", StringComparison.Ordinal)));

    public async Task ForwardAsync(HttpContext http)
    {
        var target = new Uri($"http://127.0.0.1:{backendPort}{http.Request.Path}{http.Request.QueryString}");
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0) request.Content = new StreamContent(http.Request.Body);
        foreach (var (name, values) in http.Request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        request.Headers.Host = http.Request.Host.Value; // like Vite's proxy without changeOrigin
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", http.Connection.RemoteIpAddress?.ToString());

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (HttpRequestException)
        {
            http.Response.StatusCode = StatusCodes.Status502BadGateway;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"Bad Gateway: backend 127.0.0.1:{backendPort} is not answering");
            return;
        }

        using (response)
        {
            http.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name)) http.Response.Headers.Append(name, values.ToArray());
            }

            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    public void Dispose() => _client.Dispose();
}
