using System.Collections.Concurrent;
using System.Net;

namespace Fixxit.Nightly.Specs.Support;

/// <summary>A real HTTP listener on loopback that keeps every POST (path and body) and answers 200.</summary>
public sealed class HttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public HttpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    /// <summary>Requests that came without Content-Length (chunked): a simple receiver would read them as empty.</summary>
    public int WithoutLength { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal exception: expected when stopping.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (context.Request.ContentLength64 <= 0) WithoutLength++;
            using (var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding))
            {
                Received.Enqueue((context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
