using System.Diagnostics;
using System.Globalization;
using Fixxit.FileFormats.ShellScript;
using Fixxit.Remote;

namespace Fixxit.Provisioning.Host;

/// <summary>HTTP checks run ON the host with curl over the SSH connection: the app's loopback ports are not reachable from elsewhere on the real server.</summary>
internal static class HealthProbe
{
    /// <summary>Status code and body of one GET on the host's loopback; status 0 when nothing answered.</summary>
    public static async Task<(int Status, string Body)> GetAsync(SshSession ssh, int port, string path, CancellationToken ct) =>
        Parse(await ssh.RunAsync(GetCommand(port, path), ct).ConfigureAwait(false));

    /// <summary>The curl command of <see cref="GetAsync"/>, for a batch; read its output with <see cref="Parse"/>.</summary>
    public static string GetCommand(int port, string path)
    {
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}";
        return $"curl -sS -m 5 -o - -w '\\n%{{http_code}}' {ShellQuote.Quote(url)}";
    }

    /// <summary>Through the proxy on the host: <c>curl --resolve host:port:127.0.0.1 https://host:port/path</c> (the host's own trust store).</summary>
    public static async Task<(int Status, string Body)> GetViaProxyOnHostAsync(SshSession ssh, Uri publicUrl, string path, CancellationToken ct)
    {
        var port = publicUrl.Port.ToString(CultureInfo.InvariantCulture);
        var url = new Uri(publicUrl, path).ToString();
        var result = await ssh.RunAsync($"curl -sS -m 10 --resolve {ShellQuote.Quote($"{publicUrl.Host}:{port}:127.0.0.1")} -o - -w '\\n%{{http_code}}' {ShellQuote.Quote(url)}", ct)
            .ConfigureAwait(false);
        return Parse(result);
    }

    /// <summary>Polls until <paramref name="probe"/> returns 200 or the timeout passes; returns the last answer.</summary>
    public static async Task<(int Status, string Body)> WaitOkAsync(Func<Task<(int Status, string Body)>> probe, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var answer = await probe().ConfigureAwait(false);
            if (answer.Status == 200 || clock.Elapsed > timeout) return answer;
            await Task.Delay(delay, ct).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 1.5));
        }
    }

    public static (int Status, string Body) Parse(CommandResult result)
    {
        var text = result.StdOut;
        var cut = text.LastIndexOf('\n');
        var code = cut >= 0 ? text[(cut + 1)..].Trim() : text.Trim();
        var body = cut >= 0 ? text[..cut] : string.Empty;
        return (int.TryParse(code, CultureInfo.InvariantCulture, out var status) ? status : 0, body.Length > 0 ? body : result.StdErr.Trim());
    }
}
